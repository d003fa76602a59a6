import { intlLocale } from './intl-locale.ts';

/**
 * Names ICU does not give. `sgn` (a sign language, as the directory records it) has no name in
 * any locale, and ICU has no Haitian Creole data at all: its French fallback would write
 * "espagnol" on a Kreyòl page. The Haitian list covers the languages Boston listings report
 * and the site's own languages; others fall through to ICU.
 */
const FALLBACK_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: { sgn: 'Sign language' },
  es: { sgn: 'lengua de señas' },
  ht: {
    sgn: 'lang siy',
    ar: 'arab',
    de: 'alman',
    el: 'grèk',
    en: 'angle',
    es: 'panyòl',
    fr: 'franse',
    ht: 'kreyòl ayisyen',
    it: 'italyen',
    kea: 'kreyòl Kap Vè',
    ko: 'koreyen',
    pl: 'polonè',
    pt: 'pòtigè',
    ru: 'ris',
    so: 'somali',
    vi: 'vyetnamyen',
    zh: 'chinwa',
  },
  kea: { sgn: 'língua di sinal' },
  pt: { sgn: 'língua de sinais' },
  vi: { sgn: 'ngôn ngữ ký hiệu' },
  'zh-Hans': { sgn: '手语' },
  'zh-Hant': { sgn: '手語' },
  ar: { sgn: 'لغة الإشارة' },
  ru: { sgn: 'жестовый язык' },
  so: { sgn: 'luqadda calaamadaha' },
  fr: { sgn: 'langue des signes' },
  pl: { sgn: 'język migowy' },
};

function displayNames(locale: string): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'language', fallback: 'none' });
  } catch {
    return undefined;
  }
}

/**
 * Names staff languages (BCP 47 codes) in the reader's language: the list above first, then
 * ICU; the code itself only when neither knows it.
 */
export function languageNamer(locale: string): (code: string) => string {
  const own = FALLBACK_NAMES[locale] ?? FALLBACK_NAMES[locale.split('-')[0] ?? ''] ?? {};
  const names = displayNames(locale);
  return (code) => {
    const fallback = own[code];
    if (fallback) return fallback;
    try {
      return names?.of(code) ?? code;
    } catch {
      return code;
    }
  };
}
