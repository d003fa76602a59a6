import { formatDistance } from '../domain/format-distance.ts';
import type { LineNumbers } from '../domain/reach.ts';
import { servicesUnlisted, type ResultView } from '../domain/search/result-view.ts';
import { localized } from '../domain/urls.ts';
import { PHONE_LINK_KEYS, PhoneLink } from './PhoneLink.tsx';
import { NEXT_SESSION_KEYS, NextSession } from './NextSession.tsx';
import { REACH_LINE_KEYS, ReachLine } from './ReachLine.tsx';
import { SERVICE_TAGS_KEYS, ServiceTags } from './ServiceTags.tsx';
import type { FacetLabel, Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';
import './ProviderCard.css';

/** What a venue's card says that a provider's does not: its kind and its next session. */
export const VENUE_CARD_KEYS = [
  'venue.kind.pharmacy',
  'venue.kind.gp-practice',
  'venue.kind.community-venue',
  'venue.kind.recovery-hub',
  'venue.askPharmacy',
  NEXT_SESSION_KEYS,
] as const;

/** The messages a card shows; an island that draws cards is given them. */
export const PROVIDER_CARD_KEYS = [
  PHONE_LINK_KEYS,
  SERVICE_TAGS_KEYS,
  'finder.ui.away',
  'finder.ui.openBadge',
  'finder.ui.closedBadge',
  'finder.ui.hoursNotListed',
  'finder.ui.matched',
  'provider.servicesUnlisted',
  REACH_LINE_KEYS,
  // Only a deployment with venues shows these: the pages of one without leave them out.
  VENUE_CARD_KEYS,
] as const;

export interface ProviderCardProps {
  view: ResultView;
  locale: string;
  t: Translate<MessageKey<typeof PROVIDER_CARD_KEYS>>;
  label: FacetLabel;
  /** Who reaches the place for a resident when its listing has no number. */
  line: LineNumbers;
  /** Its number in the list, the same as its pin on the map. */
  number?: number | undefined;
  /** The search asked for hours: a place without them says so rather than look closed. */
  hoursAsked?: boolean | undefined;
  /** Highlighted because its pin on the map is. */
  selected?: boolean | undefined;
  /** In the finder: the map follows the card a person points at or tabs into. */
  onSelect?: ((id: string) => void) | undefined;
  /** The moment "next session" counts from: the search's, else now (a page's build). */
  now?: number | undefined;
}

/**
 * One place in a list: the static list drawn at build time and the finder's results are this
 * same card, kept short so that several fit on a phone's screen. What only a search knows
 * (distance, open now, why it matched) shows when given.
 */
export function ProviderCard(props: ProviderCardProps) {
  const { view, locale, t, number, selected = false, onSelect } = props;
  const select = onSelect && (() => onSelect(view.id));
  const status =
    view.openNow !== undefined
      ? t(view.openNow ? 'finder.ui.openBadge' : 'finder.ui.closedBadge')
      : props.hoursAsked && t('finder.ui.hoursNotListed');
  const distance =
    view.distanceKm !== undefined &&
    t('finder.ui.away', { distance: formatDistance(view.distanceKm, locale, view.distanceUnit) });
  return (
    <article
      class={`rf-card rf-provider-card${selected ? ' rf-provider-card--selected' : ''}`}
      data-result-id={onSelect ? view.id : undefined}
      onFocusCapture={select}
      onMouseEnter={select}
    >
      <h3 class="rf-card__title">
        {number !== undefined && (
          <>
            <span class="rf-provider-card__number" aria-hidden="true">
              {number}
            </span>{' '}
          </>
        )}
        <a href={localized(locale, view.path)}>
          {/* The name keeps its own direction: "9 Village Inn" stays so in Arabic. */}
          <bdi>{view.name}</bdi>
        </a>
      </h3>
      <ul class="rf-provider-card__meta">
        {view.kind && <li>{t(`venue.kind.${view.kind}`)}</li>}
        {(distance || status) && (
          <li>
            {distance}
            {distance && status && ' · '}
            {status && (
              <span class={view.openNow === undefined ? 'rf-muted' : statusClass(view.openNow)}>
                {status}
              </span>
            )}
          </li>
        )}
        {view.address && (
          <li>
            <span class="rf-ltr">
              {view.address.street}, {view.address.city}
            </span>
            {view.area && <span> ({view.area})</span>}
          </li>
        )}
        {view.phone ? (
          <li class="rf-provider-card__phone">
            <PhoneLink phone={view.phone} t={t} />
          </li>
        ) : (
          <ReachLine
            as="li"
            class="rf-provider-card__reach"
            id={view.id}
            locale={locale}
            t={t}
            line={props.line}
          />
        )}
        {view.sessions && (
          <NextSession
            slots={view.sessions.slots}
            timeZone={view.sessions.timeZone}
            locale={locale}
            t={t}
            now={props.now ?? Date.now()}
          />
        )}
        {servicesUnlisted(view) && <li class="rf-muted">{t('provider.servicesUnlisted')}</li>}
        {view.kind === 'pharmacy' && <li class="rf-muted">{t('venue.askPharmacy')}</li>}
        {view.reasons.map((reason) => (
          <li class="rf-muted" key={`${reason.typed}-${reason.term}`}>
            {t('finder.ui.matched', { typed: reason.typed, term: reason.term })}
          </li>
        ))}
      </ul>
      <ServiceTags view={view} t={t} label={props.label} />
    </article>
  );
}

const statusClass = (open: boolean) => (open ? 'rf-status--open' : 'rf-status--closed');
