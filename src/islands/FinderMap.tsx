import type { ComponentType } from 'preact';
import type { MessageKey, Translate } from './format.ts';
import type { ResultsMapProps } from './ResultsMap.tsx';

/** What the map itself says. Declared here: ResultsMap.tsx cannot be imported without Leaflet. */
export const RESULTS_MAP_KEYS = [
  'finder.ui.mapSkip',
  'finder.ui.mapLabel',
  'finder.ui.mapMarker',
] as const;

export const FINDER_MAP_KEYS = [
  'finder.ui.mapFailed',
  'finder.ui.mapLoading',
  RESULTS_MAP_KEYS,
] as const;

export interface FinderMapProps extends Omit<ResultsMapProps, 't'> {
  /** The map, once its code has loaded (see use-map-toggle.ts). */
  View: ComponentType<ResultsMapProps> | null;
  failed: boolean;
  t: Translate<MessageKey<typeof FINDER_MAP_KEYS>>;
}

/** The open map below the results, or why it is not there yet. */
export function FinderMap({ View, failed, t, ...map }: FinderMapProps) {
  return (
    <div class="rf-finder__map">
      {failed ? (
        <p>{t('finder.ui.mapFailed')}</p>
      ) : View ? (
        <View {...map} t={t} />
      ) : (
        <p>{t('finder.ui.mapLoading')}</p>
      )}
    </div>
  );
}
