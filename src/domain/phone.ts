import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/min';
import type { PhoneKind } from '../schemas/taxonomy.ts';

export interface PhoneLike {
  number: string;
  extension?: string | undefined;
}

/** A line as the interface shows it: what to tap, what to read, what kind of line it is. */
export interface PhoneView {
  /** tel: or sms: link; absent for a fax, which no phone dials from a link. */
  href?: string;
  /** As written for people in the deployment's country. */
  display: string;
  kind: PhoneKind;
  /** What a caller reaches ("Intake"), as written by the source. */
  label?: string;
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

/** Any line of a provider, for the provider page's list of numbers. */
export function phoneView(
  phone: PhoneLike & { kind: PhoneKind; label?: string | undefined },
  country: string,
): PhoneView {
  const view: PhoneView = { display: displayPhone(phone, country), kind: phone.kind };
  if (phone.kind === 'text') view.href = smsHref(phone);
  else if (phone.kind !== 'fax') view.href = telHref(phone);
  if (phone.label) view.label = phone.label;
  return view;
}
