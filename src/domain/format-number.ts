import { intlLocale } from './intl-locale.ts';

const formats = new Map<string, Intl.NumberFormat>();

/** A count or other whole number as the reader writes it: "1,000", "1 000", "1.000". */
export function formatNumber(value: number, locale: string): string {
  const tag = intlLocale(locale);
  let format = formats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
    formats.set(tag, format);
  }
  return format.format(value);
}
