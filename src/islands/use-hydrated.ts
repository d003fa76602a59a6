import { useEffect, useState } from 'preact/hooks';

/**
 * False while an island is the HTML drawn at build time, true once it runs in the browser.
 * Islands stay `inert` until then: typing into the drawn form, or submitting it, before its
 * code has loaded would be lost (or, for the callback form, put personal details in the URL).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
