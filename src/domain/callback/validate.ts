import { parsePhoneNumberWithError, type CountryCode } from 'libphonenumber-js/min';
import { BEST_TIME_ANY } from './best-time.ts';
import {
  AREA_MAX_LENGTH,
  FIRST_NAME_MAX_LENGTH,
  LANGUAGE_OTHER,
  NOTES_MAX_LENGTH,
  PHONE_OWNER_VALUES,
  PROVIDER_MAX_LENGTH,
  type CallbackDefinition,
  type ForWhom,
  type PhoneOwner,
} from './definition.ts';

/**
 * The one validation of a callback request, run by the form before it saves anything and by
 * the intake server before it stores anything, so both accept exactly the same requests.
 */

/** Field names, as the form names its inputs and as the server reads the Open311 body. */
export const CALLBACK_FIELDS = [
  'for',
  'phone_owner',
  'first_name',
  'phone',
  'voicemail_ok',
  'text_ok',
  'best_time',
  'language',
  'paths',
  'area',
  'provider',
  'notes',
  'consent',
  'website',
] as const;
export type CallbackField = (typeof CALLBACK_FIELDS)[number];

/** The honeypot: hidden from people (and from assistive technology), filled in by bots. */
export const HONEYPOT_FIELD = 'website';

/** Raw values as a form or a parsed body gives them. Unknown fields are ignored. */
export type RawCallbackFields = Readonly<
  Partial<Record<string, string | readonly string[] | null | undefined>>
>;

/** English descriptions of every error code: the server's Open311 error text. */
export const FIELD_ERROR_DESCRIPTIONS = {
  'for.required': 'Say who the callback is for.',
  'for.invalid': 'Choose who the callback is for from the list.',
  'phone_owner.required': 'Say whose phone number this is: yours or theirs.',
  'phone_owner.invalid': 'Choose whose phone number this is from the list.',
  'first_name.tooLong': `Give a first name of at most ${FIRST_NAME_MAX_LENGTH} characters.`,
  'phone.required': 'Enter a phone number for the specialist to call.',
  'phone.invalid': 'Enter a phone number that can be called, with its area code.',
  'phone.extension': 'Enter a number that reaches the person directly, without an extension.',
  'voicemail_ok.required': 'Say whether it is safe to leave a voicemail.',
  'voicemail_ok.invalid': 'Answer yes or no to leaving a voicemail.',
  'text_ok.required': 'Say whether it is safe to send a text message.',
  'text_ok.invalid': 'Answer yes or no to sending a text message.',
  'best_time.invalid': 'Choose a time to call from the list.',
  'language.invalid': 'Choose a language from the list.',
  'paths.unknown': 'Choose topics from the list.',
  'area.invalid': 'Enter a postal code or a neighbourhood, not a street address.',
  'provider.invalid': 'The place this request is about is not known.',
  'notes.tooLong': `Keep notes to ${NOTES_MAX_LENGTH} characters or fewer.`,
  'consent.required': 'Confirm that they know about this request and agree to be called.',
} as const satisfies Record<`${CallbackField}.${string}`, string>;

export type FieldErrorCode = keyof typeof FIELD_ERROR_DESCRIPTIONS;

export interface FieldError {
  field: CallbackField;
  code: FieldErrorCode;
}

/** A valid request, normalised: trimmed text, E.164 phone, list keys only. */
export interface CallbackRequest {
  forWhom: ForWhom;
  /** For someone else only: whose number it is, so who will answer. */
  phoneOwner?: PhoneOwner;
  firstName?: string;
  /** E.164, e.g. +16175550123. */
  phone: string;
  voicemailOk: boolean;
  textOk: boolean;
  /** A best-time key; `any` when the person did not choose. */
  bestTime: string;
  language?: string;
  /** Path slugs and/or `not-sure`, without repeats, in the order the definition lists them. */
  paths: string[];
  /** A postal code as the deployment keeps it (site.yaml `postal_code`) or a neighbourhood slug. */
  area?: string;
  provider?: string;
  notes?: string;
  /** True when the person called is someone else (it is required then), false otherwise. */
  consent: boolean;
}

/**
 * `bot`: the honeypot was filled. Callers answer exactly as if the request was accepted and
 * keep nothing: a bot learns nothing to adapt to, the specialists' queue gets no spam, and
 * strangers whose numbers a bot typed in are not called about addiction. A person cannot hit
 * it: the field is off-screen, out of the tab order, hidden from screen readers, and has
 * autocomplete off (and "website" is no browser autofill category).
 */
export type ValidationResult =
  | { kind: 'valid'; request: CallbackRequest }
  | { kind: 'invalid'; errors: FieldError[] }
  | { kind: 'bot' };

/** Who picks up when the specialist calls: the person who filled in the form, or the other. */
export type Answerer = 'asker' | 'them';

export function answererOf(request: Pick<CallbackRequest, 'phoneOwner'>): Answerer {
  return request.phoneOwner === 'theirs' ? 'them' : 'asker';
}

export function describeFieldError(code: FieldErrorCode): string {
  return FIELD_ERROR_DESCRIPTIONS[code];
}

// Control characters other than tab and line feed never belong in what a specialist reads.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029]/g;

/** One value of a single-value field: undefined when absent/empty, null when several. */
function single(value: RawCallbackFields[string]): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  const filled = value.filter((v) => v.trim() !== '');
  if (filled.length === 0) return undefined;
  return filled.length === 1 ? filled[0] : null;
}

function many(value: RawCallbackFields[string]): string[] {
  if (value === undefined || value === null) return [];
  const list = typeof value === 'string' ? [value] : value;
  return list.map((v) => v.trim()).filter((v) => v !== '');
}

/** One line of text: no control characters, runs of spaces as one. */
function line(value: string): string {
  return value.replace(CONTROL, '').replace(/\s+/g, ' ').trim();
}

/** Free text: forms send CRLF line breaks, which would count twice against the limit. */
function paragraph(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROL, '').trim();
}

/** Characters as people count them (code points), not UTF-16 units. */
function length(value: string): number {
  return [...value].length;
}

type PhoneResult = { ok: true; e164: string } | { ok: false; code: FieldErrorCode };

/** Parses with libphonenumber (min metadata) for the deployment's country; E.164 out. */
export function normalisePhone(value: string, country: string): PhoneResult {
  try {
    const parsed = parsePhoneNumberWithError(value, country as CountryCode);
    if (parsed.ext) return { ok: false, code: 'phone.extension' };
    if (!parsed.isValid()) return { ok: false, code: 'phone.invalid' };
    return { ok: true, e164: parsed.number };
  } catch {
    return { ok: false, code: 'phone.invalid' };
  }
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * An area is a postal code or a neighbourhood, never more precise: a person who types a street
 * address is asked for less. The deployment's pattern keeps only its first group, so a US ZIP+4
 * is cut to five digits for the same reason.
 */
function normaliseArea(value: string, definition: CallbackDefinition): string | null {
  const text = line(value);
  if (length(text) > AREA_MAX_LENGTH) return null;
  const neighbourhoods = definition.settings.neighbourhoods ?? {};
  const lower = text.toLowerCase();
  for (const [slug, name] of Object.entries(neighbourhoods)) {
    if (lower === slug || lower === name.toLowerCase()) return slug;
  }
  const postal = text.toUpperCase();
  const pattern = definition.settings.postalCode;
  if (pattern) {
    const match = new RegExp(pattern).exec(postal);
    return match ? (match[1] ?? match[0]) : null;
  }
  // Without one: a postal-code shape (letters and digits, at least one digit, ≤ 10 characters).
  return /^[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]$/.test(postal) && /\d/.test(postal) ? postal : null;
}

function listKeys(definition: CallbackDefinition, code: string): string[] {
  const attribute = definition.definition.attributes.find((a) => a.code === code);
  return attribute?.values?.map((v) => v.key) ?? [];
}

type Checked<T> = { value: T } | { error: FieldErrorCode };

/** A required yes/no answer. */
function yesNo(
  raw: RawCallbackFields[string],
  field: 'voicemail_ok' | 'text_ok',
): Checked<boolean> {
  const value = single(raw);
  if (value === undefined) return { error: `${field}.required` };
  if (value === 'yes' || value === 'no') return { value: value === 'yes' };
  return { error: `${field}.invalid` };
}

/**
 * Validates and normalises a callback request against the deployment's definition. Every
 * problem is reported at once (a person fixes them in one go), each as a stable code.
 */
export function validateCallback(
  fields: RawCallbackFields,
  definition: CallbackDefinition,
): ValidationResult {
  // The honeypot first: a bot gets the same answer whatever else it filled in.
  if (single(fields[HONEYPOT_FIELD]) !== undefined) return { kind: 'bot' };

  const errors: FieldError[] = [];
  const fail = (field: CallbackField, code: FieldErrorCode) => errors.push({ field, code });

  const forValue = single(fields.for);
  if (forValue === undefined) fail('for', 'for.required');
  else if (forValue !== 'me' && forValue !== 'someone-else') fail('for', 'for.invalid');

  // Asked only for someone else; for "me" the number is the person's own, whatever was sent.
  const ownerValue = forValue === 'someone-else' ? single(fields.phone_owner) : undefined;
  if (forValue === 'someone-else') {
    if (ownerValue === undefined) fail('phone_owner', 'phone_owner.required');
    else if (!PHONE_OWNER_VALUES.includes(ownerValue as PhoneOwner)) {
      fail('phone_owner', 'phone_owner.invalid');
    }
  }
  const phoneOwner = errors.some((e) => e.field === 'phone_owner')
    ? undefined
    : (ownerValue as PhoneOwner | undefined);

  const firstNameRaw = single(fields.first_name);
  const firstName = typeof firstNameRaw === 'string' ? line(firstNameRaw) : undefined;
  if (firstNameRaw === null || (firstName && length(firstName) > FIRST_NAME_MAX_LENGTH)) {
    fail('first_name', 'first_name.tooLong');
  }

  const phoneRaw = single(fields.phone);
  let phone = '';
  if (phoneRaw === undefined) fail('phone', 'phone.required');
  else if (phoneRaw === null) fail('phone', 'phone.invalid');
  else {
    const result = normalisePhone(line(phoneRaw), definition.settings.country);
    if (result.ok) phone = result.e164;
    else fail('phone', result.code);
  }

  const voicemail = yesNo(fields.voicemail_ok, 'voicemail_ok');
  if ('error' in voicemail) fail('voicemail_ok', voicemail.error);
  const text = yesNo(fields.text_ok, 'text_ok');
  if ('error' in text) fail('text_ok', text.error);

  const bestTime = single(fields.best_time) ?? BEST_TIME_ANY;
  if (bestTime === null || !definition.bestTimes.some((c) => c.key === bestTime)) {
    fail('best_time', 'best_time.invalid');
  }

  const language = single(fields.language);
  const languages = [...definition.settings.locales, LANGUAGE_OTHER];
  if (language === null || (language !== undefined && !languages.includes(language))) {
    fail('language', 'language.invalid');
  }

  const pathKeys = listKeys(definition, 'paths');
  const chosen = new Set(many(fields.paths));
  if ([...chosen].some((path) => !pathKeys.includes(path))) fail('paths', 'paths.unknown');
  const paths = pathKeys.filter((key) => chosen.has(key));

  const areaRaw = single(fields.area);
  const area = typeof areaRaw === 'string' ? normaliseArea(areaRaw, definition) : undefined;
  if (areaRaw === null || area === null) fail('area', 'area.invalid');

  const providerRaw = single(fields.provider);
  const provider = typeof providerRaw === 'string' ? providerRaw.trim() : undefined;
  if (
    providerRaw === null ||
    (provider !== undefined && (provider.length > PROVIDER_MAX_LENGTH || !SLUG.test(provider)))
  ) {
    fail('provider', 'provider.invalid');
  }

  const notesRaw = single(fields.notes);
  const notes = typeof notesRaw === 'string' ? paragraph(notesRaw) : undefined;
  if (notesRaw === null || (notes !== undefined && length(notes) > NOTES_MAX_LENGTH)) {
    fail('notes', 'notes.tooLong');
  }

  // Calling someone about their drug use without their agreement could put them at risk. A
  // number that is the asker's own calls nobody else, so a parent can get help for herself
  // before her son is ready to talk.
  const consent = single(fields.consent) === 'yes';
  const callsThem = phoneOwner === 'theirs';
  if (callsThem && !consent) fail('consent', 'consent.required');

  if (errors.length > 0) return { kind: 'invalid', errors };

  const request: CallbackRequest = {
    forWhom: forValue as ForWhom,
    phone,
    voicemailOk: 'value' in voicemail && voicemail.value,
    textOk: 'value' in text && text.value,
    bestTime,
    paths,
    consent: callsThem && consent,
  };
  if (phoneOwner) request.phoneOwner = phoneOwner;
  if (firstName) request.firstName = firstName;
  if (language) request.language = language;
  if (area) request.area = area;
  if (provider) request.provider = provider;
  if (notes) request.notes = notes;
  return { kind: 'valid', request };
}
