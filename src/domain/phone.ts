import {
  getCountryCallingCode,
  parsePhoneNumberWithError,
  type CountryCode,
} from 'libphonenumber-js/min';
import type { PhoneKind } from '../schemas/taxonomy.ts';
import { isolateRtlWord } from './bidi.ts';

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
  /** No source has confirmed the number: it is shown with a notice (see UnverifiedNote). */
  unverified?: true;
}

/** The word before an extension as the search index and result views carry it. */
export const EXTENSION_WORD = 'ext.';

/**
 * How a number is written for people in the deployment's country (617-635-4500 in the US,
 * +44 … abroad), with its extension after `extensionWord` ("ext." in English: a page passes
 * its own language's word). Short codes such as 311 are shown as they are.
 */
export function displayPhone(
  phone: PhoneLike,
  country: string,
  extensionWord = EXTENSION_WORD,
): string {
  if (!phone.number.startsWith('+')) return phone.number;
  const parsed = parsePhoneNumberWithError(phone.number);
  // A number of a range set aside for fiction (07700 900123) has no country in the metadata,
  // and one calling code can serve several countries (+44: GB, Jersey …): the calling code
  // decides then.
  const home =
    parsed.country === (country as CountryCode) ||
    (!parsed.country &&
      parsed.countryCallingCode === getCountryCallingCode(country as CountryCode));
  const text = home
    ? parsed.formatNational().replace(/^\((\d{3})\) (\d{3})-(\d{4})$/, '$1-$2-$3')
    : parsed.formatInternational();
  return phone.extension ? `${text} ${isolateRtlWord(extensionWord)} ${phone.extension}` : text;
}

/** A number written with the English extension word, rewritten with the reader's. */
export function withExtensionWord(display: string, extensionWord: string): string {
  return display.replace(` ${EXTENSION_WORD} `, ` ${isolateRtlWord(extensionWord)} `);
}

/** The source's name for a line that has a translation ("Intakes" → `intake`). */
const KNOWN_LABELS: Readonly<Record<string, 'intake'>> = { intake: 'intake', intakes: 'intake' };

export function phoneLabelKey(label: string): 'intake' | undefined {
  return KNOWN_LABELS[label.trim().toLowerCase()];
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
  phone: PhoneLike & {
    kind: PhoneKind;
    label?: string | undefined;
    unverified?: object | undefined;
  },
  country: string,
  extensionWord = EXTENSION_WORD,
): PhoneView {
  const view: PhoneView = {
    display: displayPhone(phone, country, extensionWord),
    kind: phone.kind,
  };
  if (phone.kind === 'text') view.href = smsHref(phone);
  else if (phone.kind !== 'fax') view.href = telHref(phone);
  if (phone.label) view.label = phone.label;
  if (phone.unverified) view.unverified = true;
  return view;
}
