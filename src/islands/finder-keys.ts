import { FINDER_FORM_KEYS } from './FinderForm.tsx';
import { FINDER_MAP_KEYS } from './FinderMap.tsx';
import { FINDER_NO_RESULTS_KEYS } from './FinderNoResults.tsx';
import { FINDER_PATHS_KEYS } from './FinderPaths.tsx';
import { FINDER_RESULTS_LIST_KEYS } from './FinderResultsList.tsx';
import { FINDER_SPARSE_KEYS } from './FinderSparse.tsx';
import { FINDER_STATUS_KEYS } from './FinderStatus.tsx';
import { SHARE_VIEW_KEYS } from './ShareView.tsx';

/**
 * The messages the finder island is given (Finder.tsx's own, then its components'). Kept out of
 * Finder.tsx: an island's module is a script entry, whose exports all reach the phone.
 */
export const FINDER_KEYS = [
  'finder.resultsTitle',
  'finder.ui.hideMap',
  'finder.ui.showMap',
  'finder.ui.searched',
  'finder.ui.ignoredFilter',
  FINDER_SPARSE_KEYS,
  FINDER_FORM_KEYS,
  FINDER_STATUS_KEYS,
  FINDER_NO_RESULTS_KEYS,
  FINDER_PATHS_KEYS,
  SHARE_VIEW_KEYS,
  FINDER_MAP_KEYS,
  FINDER_RESULTS_LIST_KEYS,
] as const;
