import type { LineNumbers } from '../domain/reach.ts';
import type { ResultView } from '../domain/search/result-view.ts';
import { PROVIDER_CARD_KEYS, ProviderCard } from './ProviderCard.tsx';
import type { FacetLabel, Translate } from './types.ts';
import type { MessageKey } from '../i18n/message-keys.ts';

export const PROVIDER_LIST_KEYS = [PROVIDER_CARD_KEYS] as const;

export interface ProviderListProps {
  views: readonly ResultView[];
  /** The number of the first place on this page (21 on page 2 of 20 a page). */
  start: number;
  locale: string;
  t: Translate<MessageKey<typeof PROVIDER_LIST_KEYS>>;
  label: FacetLabel;
  line: LineNumbers;
  /** The search asked for hours: cards without them say so. */
  hoursAsked?: boolean | undefined;
  /** Show each place's number on its card, as on the map's pins. */
  numbered?: boolean | undefined;
  /** The finder moves focus here after a page change; its skip link points here. */
  id?: string | undefined;
  selected?: string | null | undefined;
  onSelect?: ((id: string) => void) | undefined;
}

/** A page of places, numbered in order: the static list and the finder's results. */
export function ProviderList({
  views,
  start,
  locale,
  t,
  label,
  line,
  hoursAsked,
  numbered = false,
  id,
  selected,
  onSelect,
}: ProviderListProps) {
  return (
    <ol class="rf-cards" start={start} id={id} tabIndex={id ? -1 : undefined}>
      {views.map((view, index) => (
        <li key={view.id}>
          <ProviderCard
            view={view}
            locale={locale}
            t={t}
            label={label}
            line={line}
            hoursAsked={hoursAsked}
            number={numbered ? start + index : undefined}
            selected={selected === view.id}
            onSelect={onSelect}
          />
        </li>
      ))}
    </ol>
  );
}
