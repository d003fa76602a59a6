import { useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import type { ResultsMapProps } from './ResultsMap.tsx';

/**
 * Whether the map is open, and the map itself once loaded: Leaflet is fetched the first time
 * someone opens the map (about 40 KB of script a phone need not pay for otherwise).
 */
export function useMapToggle(): {
  open: boolean;
  /** The map component, once its code has arrived. */
  View: ComponentType<ResultsMapProps> | null;
  failed: boolean;
  toggle: () => void;
} {
  const [open, setOpen] = useState(false);
  const [View, setView] = useState<ComponentType<ResultsMapProps> | null>(null);
  const [failed, setFailed] = useState(false);

  const toggle = () => {
    const next = !open;
    setOpen(next);
    if (next && !View) {
      import('./ResultsMap.tsx')
        .then(async (module) => {
          // Drawn only once its styles apply: Leaflet's panes are unplaced without them.
          await module.loadMapStyles();
          setView(() => module.ResultsMap);
        })
        .catch(() => setFailed(true));
    }
  };

  return { open, View, failed, toggle };
}
