import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/min';

export interface PhoneLike {
  number: string;
  extension?: string | undefined;
}

/**
 * How a number is written for people in the deployment's country (617-635-4500 in the US,
 * +44 … abroad), with its extension. Short codes such as 311 are shown as they are.
 */
export function displayPhone(phone: PhoneLike, country: string): string {
  if (!phone.number.startsWith('+')) return phone.number;
  const parsed = parsePhoneNumberWithError(phone.number);
  const text =
    parsed.country === (country as CountryCode)
      ? parsed.formatNational().replace(/^\((\d{3})\) (\d{3})-(\d{4})$/, '$1-$2-$3')
      : parsed.formatInternational();
  return phone.extension ? `${text} ext. ${phone.extension}` : text;
}

/** A tel: link; the comma makes the phone wait, then dial the extension. */
export function telHref(phone: PhoneLike): string {
  return `tel:${phone.number}${phone.extension ? `,${phone.extension}` : ''}`;
}

/** An sms: link for text lines. */
export function smsHref(phone: PhoneLike): string {
  return `sms:${phone.number}`;
}
