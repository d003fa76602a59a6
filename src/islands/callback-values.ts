import { BEST_TIME_ANY, type CallbackRequest } from '../domain/callback/index.ts';

/** The form's values, by wire name, as the person has them now. */
export interface CallbackValues {
  for: string;
  phone_owner: string;
  first_name: string;
  phone: string;
  voicemail_ok: string;
  text_ok: string;
  best_time: string;
  language: string;
  paths: string[];
  area: string;
  provider: string;
  notes: string;
  consent: string;
  website: string;
}

/**
 * Whose phone the questions are about, from the answers so far: "you" until the person says the
 * number is the other person's, so the labels, the button and the confirmation name who answers.
 */
export function answersThePhone(
  values: Pick<CallbackValues, 'for' | 'phone_owner'>,
): 'you' | 'them' {
  return values.for === 'someone-else' && values.phone_owner === 'theirs' ? 'them' : 'you';
}

/** The id of the input an error summary links to, for each field. */
export function fieldId(field: string): string {
  return `callback-${field.replace('_', '-')}`;
}

/** Starting values: the page's language, and what a link asked for (`?for=&path=&provider=&lang=`). */
export function initialValues(
  locale: string,
  search: string,
  locales: readonly string[],
  paths: readonly string[],
): CallbackValues {
  const params = new URLSearchParams(search);
  const lang = params.get('lang') ?? '';
  return {
    for:
      params.get('for') === 'someone-else'
        ? 'someone-else'
        : params.get('for') === 'me'
          ? 'me'
          : '',
    phone_owner: '',
    first_name: '',
    phone: '',
    voicemail_ok: '',
    text_ok: '',
    best_time: BEST_TIME_ANY,
    language: locales.includes(lang) ? lang : locale,
    paths: params
      .getAll('path')
      .flatMap((p) => p.split(','))
      .filter((p) => paths.includes(p)),
    area: '',
    provider: (params.get('provider') ?? '').slice(0, 100),
    notes: '',
    consent: '',
    website: '',
  };
}

/** The form again, from a stored request, so a rejected request can be corrected, not retyped. */
export function valuesFromRequest(request: CallbackRequest): CallbackValues {
  return {
    for: request.forWhom,
    phone_owner: request.phoneOwner ?? '',
    first_name: request.firstName ?? '',
    phone: request.phone,
    voicemail_ok: request.voicemailOk ? 'yes' : 'no',
    text_ok: request.textOk ? 'yes' : 'no',
    best_time: request.bestTime,
    language: request.language ?? '',
    paths: [...request.paths],
    area: request.area ?? '',
    provider: request.provider ?? '',
    notes: request.notes ?? '',
    consent: request.consent ? 'yes' : '',
    website: '',
  };
}
