import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { withRegionalFallbacks, type Strings } from '../../src/i18n/deployment-strings.ts';

const i18nDir = join(import.meta.dirname, '..', '..', 'src', 'i18n');

/**
 * Every strings file of src/i18n as the site reads it: a regional file (`en-GB.json`) holds
 * only what differs, so it is read laid over its language's (`en.json`), as i18n/index.ts does.
 */
export const stringsFiles: Readonly<Record<string, Strings>> = withRegionalFallbacks(
  Object.fromEntries(
    readdirSync(i18nDir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => [
        name.replace(/\.json$/, ''),
        JSON.parse(readFileSync(join(i18nDir, name), 'utf8')) as Strings,
      ]),
  ),
);

/** One locale's strings as the site reads them; throws when the locale has no file. */
export function stringsOf(locale: string): Strings {
  const strings = stringsFiles[locale];
  if (!strings) throw new Error(`src/i18n/${locale}.json is missing`);
  return strings;
}
