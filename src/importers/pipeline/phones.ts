/**
 * Phones step: numbers out of a free-text contact field, and one list per provider from all
 * its listings. libphonenumber finds the numbers; we only read the words between them.
 */
// The /max metadata is what providerSchema validates with; parsing with the same metadata
// means a number accepted here is never rejected by the schema.
import { findPhoneNumbersInText } from 'libphonenumber-js/max';
import type { PhoneKind } from '../../schemas/taxonomy.ts';
import { clean } from './text.ts';
import type { Listing, RowNote } from './types.ts';

export interface Phone {
  number: string;
  extension?: string;
  kind?: PhoneKind;
  label?: string;
}

/**
 * Every phone number in a free-text Contact field, e.g.
 * `(617)371-3030x3085 Intakes: (617)371-3030x1 (617)371-3040`. libphonenumber finds the
 * numbers (wrapped ones like `(617)254- 1271x110` too). A "Label:" before a number names it
 * and every number after it until other words appear: "Intakes:" is plural because it
 * introduces a list. Returns the text nobody could read as a number (`(760)936-`, cut off in
 * the source) so the caller can report it.
 */
export function parseContact(contact: string): { phones: Phone[]; ignored: string[] } {
  const text = contact ?? '';
  const phones: Phone[] = [];
  const ignored: string[] = [];
  let label: string | undefined;
  let end = 0;
  const noteGap = (gap: string) => {
    if (/\d/.test(gap)) ignored.push(clean(gap));
  };
  for (const found of findPhoneNumbersInText(text, { defaultCountry: 'US' })) {
    const gap = text.slice(end, found.startsAt);
    const named = /([A-Za-z][A-Za-z /&-]*?)\s*:\s*$/.exec(gap);
    if (named) {
      label = named[1]!.trim();
      noteGap(gap.slice(0, named.index));
    } else if (clean(gap) !== '') {
      label = undefined;
      noteGap(gap);
    }
    end = found.endsAt;
    if (!found.number.isValid()) {
      ignored.push(clean(text.slice(found.startsAt, found.endsAt)));
      continue;
    }
    const phone: Phone = { number: found.number.number };
    if (found.number.ext) phone.extension = found.number.ext;
    const kind = label ? phoneKind(label) : 'voice';
    if (kind !== 'voice') phone.kind = kind;
    if (label) phone.label = label;
    if (!hasPhone(phones, phone)) phones.push(phone);
  }
  noteGap(text.slice(end));
  return { phones, ignored };
}

function phoneKind(label: string): PhoneKind {
  if (/\bfax\b/i.test(label)) return 'fax';
  if (/\b(?:tty|tdd)\b/i.test(label)) return 'tty';
  if (/\b(?:text|sms)\b/i.test(label)) return 'text';
  return 'voice';
}

/** One number with one extension is one phone, whatever its label says. */
function hasPhone(phones: readonly Phone[], phone: Phone): boolean {
  return phones.some((p) => p.number === phone.number && p.extension === phone.extension);
}

/**
 * A provider's phones: every listing's in listing order, each number and extension once.
 * Text that is not a whole number is reported against its row and left out.
 */
export function collectPhones(listings: readonly Listing[], warnings: RowNote[]): Phone[] {
  const phones: Phone[] = [];
  for (const listing of listings) {
    if (!listing.contact) continue;
    const parsed = parseContact(listing.contact);
    for (const fragment of parsed.ignored) {
      warnings.push({
        file: listing.file,
        line: listing.line,
        reason: `Contact: ignored "${fragment}" (not a whole phone number)`,
      });
    }
    for (const phone of parsed.phones) {
      if (!hasPhone(phones, phone)) phones.push(phone);
    }
  }
  return phones;
}
