import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SearchIndexFile } from '../domain/search/documents.ts';
import { SearchEngine } from '../domain/search/engine.ts';

export type EngineLoad =
  { status: 'idle' | 'loading' | 'failed' } | { status: 'ready'; engine: SearchEngine };

/**
 * Loads the search index the first time `ensure` is called (or at once when `eager`), and the
 * postal-code and town table the first time a postal code appears in `zipText` or `placeText` names a
 * place the index does not know (a town without providers). `postalReady` changes when they
 * start resolving, so results that depend on them can be recomputed.
 */
export function useSearchEngine(options: {
  indexUrl: string;
  postalUrl: string;
  eager: boolean;
  zipText: string;
  /** The place asked for in the Near box, if any. */
  placeText?: string;
}) {
  const { indexUrl, postalUrl, eager, zipText, placeText } = options;
  const [load, setLoad] = useState<EngineLoad>({ status: 'idle' });
  const [postalReady, setPostalReady] = useState(false);

  const ensure = useCallback(() => {
    if (load.status !== 'idle') return;
    setLoad({ status: 'loading' });
    fetch(indexUrl)
      .then((response) => {
        if (!response.ok) throw new Error(`index: HTTP ${response.status}`);
        return response.json() as Promise<SearchIndexFile>;
      })
      .then((file) => setLoad({ status: 'ready', engine: new SearchEngine(file) }))
      .catch(() => setLoad({ status: 'failed' }));
  }, [load.status, indexUrl]);

  useEffect(() => {
    if (eager) ensure();
  }, [eager, ensure]);

  const wantsPostal =
    (load.status === 'ready' && load.engine.mentionsPostalCode(zipText)) ||
    Boolean(placeText && load.status === 'ready' && !load.engine.resolvePlace(placeText));
  useEffect(() => {
    if (!wantsPostal || postalReady || load.status !== 'ready') return;
    const engine = load.engine;
    fetch(postalUrl)
      .then((response) =>
        response.ok ? (response.json() as Promise<Record<string, [number, number]>>) : {},
      )
      .then((table) => engine.usePostalCodes(table))
      .catch(() => undefined)
      .finally(() => setPostalReady(true));
  }, [wantsPostal, postalReady, load, postalUrl]);

  return {
    load,
    engine: load.status === 'ready' ? load.engine : null,
    ensure,
    /** True once a typed place can be judged: the table has loaded, or none was needed. */
    postalSettled: !wantsPostal || postalReady,
    postalReady,
  };
}
