import { normalize } from '../domain/search/text.ts';
import { formatDistance } from '../domain/format-distance.ts';
import type { SearchResult } from '../domain/search/engine.ts';
import { FACETS } from '../domain/search/documents.ts';
import { localized, providerPath } from '../domain/urls.ts';
import type { Translate } from './format.ts';

export interface FinderResultProps {
  result: SearchResult;
  number: number;
  locale: string;
  t: Translate;
  labels: Record<string, Record<string, string>>;
  selected: boolean;
  onSelect: (id: string) => void;
}

/** Keys of a facet bit mask, in taxonomy order. */
function keysOf(bits: number, keys: readonly string[]): string[] {
  return keys.filter((_, bit) => (bits & (1 << bit)) !== 0);
}

/** One place in the results: the same facts as the server-rendered card, plus why it matched. */
export function FinderResult({
  result,
  number,
  locale,
  t,
  labels,
  selected,
  onSelect,
}: FinderResultProps) {
  const { doc } = result;
  const services = keysOf(doc.f[0], FACETS.service).filter((key) => key !== 'medication');
  const medications = keysOf(doc.f[1], FACETS.medication).filter((key) => key !== 'naloxone');
  const inferred = keysOf(doc.f[5], FACETS.service).filter((key) => !services.includes(key));
  const termLabel = (term: string) => {
    const [kind, key = ''] = term.split(':');
    if (kind === 'svc') return labels.service?.[key] ?? key;
    if (kind === 'med') return labels.medication?.[key] ?? key;
    return term;
  };
  // Say why a place matched only when it is not plain: not its name, and not the very word typed.
  const reasons = result.reasons.filter(
    (reason) =>
      reason.field !== 'name' && normalize(termLabel(reason.term)) !== normalize(reason.typed),
  );
  return (
    <article
      class={`rf-card rf-provider-card${selected ? ' rf-provider-card--selected' : ''}`}
      data-result-id={doc.i}
      onFocusCapture={() => onSelect(doc.i)}
      onMouseEnter={() => onSelect(doc.i)}
    >
      <h3 class="rf-card__title">
        <span class="rf-provider-card__number" aria-hidden="true">
          {number}
        </span>{' '}
        <a href={localized(locale, providerPath(doc.i))}>{doc.n}</a>
      </h3>
      <ul class="rf-provider-card__meta">
        {doc.s && doc.c && (
          <li class="rf-ltr">
            {doc.s}, {doc.c}
          </li>
        )}
        {result.distanceKm !== undefined && (
          <li>{t('finder.ui.away', { distance: formatDistance(result.distanceKm, locale) })}</li>
        )}
        {result.openNow !== undefined && (
          <li class={result.openNow ? 'rf-status--open' : 'rf-status--closed'}>
            {t(result.openNow ? 'finder.ui.openBadge' : 'finder.ui.closedBadge')}
          </li>
        )}
        {doc.p && (
          <li class="rf-provider-card__phone">
            <a href={doc.p[0]} class="rf-ltr">
              {doc.p[1]}
            </a>
          </li>
        )}
        {doc.f[0] === 0 && <li class="rf-muted">{t('provider.servicesUnlisted')}</li>}
        {reasons.map((reason) => (
          <li class="rf-muted" key={`${reason.typed}-${reason.term}`}>
            {t('finder.ui.matched', { typed: reason.typed, term: termLabel(reason.term) })}
          </li>
        ))}
      </ul>
      {(services.length > 0 || medications.length > 0 || inferred.length > 0) && (
        <ul class="rf-tags" aria-label={t('provider.servicesLabel')}>
          {medications.map((key) => (
            <li class="rf-tag" key={key}>
              {labels.medication?.[key]}
            </li>
          ))}
          {services.map((key) => (
            <li class="rf-tag" key={key}>
              {labels.service?.[key]}
            </li>
          ))}
          {inferred.map((key) => (
            <li class="rf-tag rf-tag--inferred" key={key}>
              {t('provider.inferredTag', { service: labels.service?.[key] ?? key })}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
