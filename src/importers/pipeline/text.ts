/** Text helpers every step uses on source fields. */

/** Trim and collapse runs of white space; source files carry trailing spaces in names. */
export function clean(value: string | undefined): string {
  return (value ?? '').replace(/\s+/g, ' ').trim();
}

/** Letters without their accents, so "Peñuelas" and "Penuelas" compare equal. */
export function ascii(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}
