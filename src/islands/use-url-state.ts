import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { searchFromState, stateFromSearch, type FinderState } from '../domain/search/url-state.ts';

/**
 * The finder's state, kept in the address so that back, forward, reload and a shared link all
 * show the same view. The first render is the plain view, as drawn at build time; the address's
 * own state is read once the island runs, and again on back and forward, each time reported to
 * `onRestore` (`atStart` the first time) so that the form's text boxes can follow.
 */
export function useUrlState(
  path: string,
  onRestore: (state: FinderState, atStart: boolean) => void,
): {
  state: FinderState;
  /** Shows a new state and records it in the history: a new entry, or the current one while typing. */
  commit: (next: FinderState, mode?: 'push' | 'replace') => void;
} {
  const [state, setState] = useState<FinderState>(() => stateFromSearch(''));
  const restored = useRef(onRestore);
  restored.current = onRestore;

  useEffect(() => {
    const restore = (atStart: boolean) => {
      const next = stateFromSearch(location.search);
      setState(next);
      restored.current(next, atStart);
    };
    const onPop = () => restore(false);
    addEventListener('popstate', onPop);
    restore(true);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const commit = useCallback(
    (next: FinderState, mode: 'push' | 'replace' = 'push') => {
      setState(next);
      const url = `${path}${searchFromState(next)}`;
      if (`${location.pathname}${location.search}` === url) return;
      if (mode === 'push') history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    },
    [path],
  );

  return { state, commit };
}
