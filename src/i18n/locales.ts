/**
 * Every language the finder can be published in, named in itself. A deployment chooses which
 * to publish in site.yaml `locales`; each published one needs a strings file (`<code>.json`)
 * and a copy of every path and page.
 */
export interface LocaleInfo {
  /** BCP 47 tag, also the URL prefix (`/es/`). */
  code: string;
  /** The language's name in the language itself, as the chooser shows it. */
  nativeName: string;
  dir: 'ltr' | 'rtl';
}

export const LOCALES: readonly LocaleInfo[] = [
  { code: 'en', nativeName: 'English', dir: 'ltr' },
  { code: 'en-GB', nativeName: 'English (UK)', dir: 'ltr' },
  { code: 'es', nativeName: 'Español', dir: 'ltr' },
  { code: 'ht', nativeName: 'Kreyòl ayisyen', dir: 'ltr' },
  { code: 'kea', nativeName: 'Kriolu', dir: 'ltr' },
  { code: 'pt', nativeName: 'Português', dir: 'ltr' },
  { code: 'vi', nativeName: 'Tiếng Việt', dir: 'ltr' },
  { code: 'zh-Hans', nativeName: '中文（简体）', dir: 'ltr' },
  { code: 'zh-Hant', nativeName: '中文（繁體）', dir: 'ltr' },
  { code: 'ar', nativeName: 'العربية', dir: 'rtl' },
  { code: 'ru', nativeName: 'Русский', dir: 'ltr' },
  { code: 'so', nativeName: 'Soomaali', dir: 'ltr' },
  { code: 'fr', nativeName: 'Français', dir: 'ltr' },
  { code: 'pl', nativeName: 'Polski', dir: 'ltr' },
];

export function localeInfo(code: string): LocaleInfo {
  const info = LOCALES.find((locale) => locale.code === code);
  if (!info) throw new Error(`Unknown locale "${code}": add it to src/i18n/locales.ts`);
  return info;
}
