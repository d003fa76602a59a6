import { useCallback, useEffect, useState } from 'preact/hooks';
import type { SearchIndexFile } from '../domain/search/documents.ts';
import { SearchEngine } from '../domain/search/engine.ts';

export type EngineLoad =
  { status: 'idle' | 'loading' | 'failed' } | { status: 'ready'; engine: SearchEngine };

/**
 * Loads the search index the first time `ensure` is called (or at once when `eager`), and the
 * postal-code and town table the first time a postal code appears in `zipText` or `placeText` names a
 * place the index does not know (a town without providers). With UK postcodes, a full postcode
 * then loads its district's file (`districtUrl` + `DH1.json`), so it resolves to the district's
 * centre first and to its own point a moment later.
 * `placesVersion` changes whenever a table arrives, so results that depend on them can be
 * recomputed.
 */
export function useSearchEngine(options: {
  indexUrl: string;
  postalUrl: string;
  /** The folder of per-district postcode files; unused by a deployment without them. */
  districtUrl?: string;
  eager: boolean;
  zipText: string;
  /** The place asked for in the Near box, if any. */
  placeText?: string;
}) {
  const { indexUrl, postalUrl, districtUrl, eager, zipText, placeText } = options;
  const [load, setLoad] = useState<EngineLoad>({ status: 'idle' });
  const [postalReady, setPostalReady] = useState(false);
  const [districtsLoaded, setDistrictsLoaded] = useState(0);

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
    // UK postcodes are read by a module of their own, fetched with their table: no other
    // deployment's finder carries its rules.
    const reader =
      engine.postcodeTables === 'uk-ons'
        ? import('../domain/places/uk-postcode-reader.ts').then((module) =>
            module.createUkPostcodeReader(),
          )
        : undefined;
    const table = fetch(postalUrl).then((response) =>
      response.ok ? (response.json() as Promise<Record<string, [number, number]>>) : {},
    );
    Promise.all([table, reader])
      .then(([codes, read]) => engine.usePostalCodes(codes, read))
      .catch(() => undefined)
      .finally(() => setPostalReady(true));
  }, [wantsPostal, postalReady, load, postalUrl]);

  useEffect(() => {
    if (load.status !== 'ready' || !postalReady || !districtUrl) return;
    // Never rejects: a district that cannot be had leaves its postcodes at its centre.
    void load.engine
      .loadDistricts(zipText, districtUrl)
      ?.then(() => setDistrictsLoaded((n) => n + 1));
  }, [load, postalReady, zipText, districtUrl]);

  return {
    load,
    engine: load.status === 'ready' ? load.engine : null,
    ensure,
    /** True once a typed place can be judged: the table has loaded, or none was needed. */
    postalSettled: !wantsPostal || postalReady,
    postalReady,
    /** Changes whenever a place table arrives (the postal table, a postcode district's file). */
    placesVersion: (postalReady ? 1 : 0) + districtsLoaded * 2,
  };
}
