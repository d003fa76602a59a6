import { HONEYPOT_FIELD, type CallbackRequest, type RawCallbackFields } from './validate.ts';

/**
 * The Open311 POST body of a callback request, and its inverse for the intake server.
 * Privacy (docs/open311.md): `description` is public in GeoReport, so it is always the same
 * neutral line; the person's details travel only as `first_name`, `phone` and attributes, which
 * GeoReport never publishes; no lat/long/address is ever sent (the area is an attribute).
 */

/** The only description a callback request ever has. */
export const CALLBACK_DESCRIPTION = 'Callback requested from the recovery services finder';

/** The endpoint settings from site.yaml `intake` that go into the body. */
export interface Open311Endpoint {
  serviceCode: string;
  apiKey: string;
  /** Sent only when configured: an optional parameter sent empty means the same as absent. */
  jurisdictionId?: string | undefined;
}

/** The site.yaml `intake` block as the endpoint settings. */
export function endpointFromSite(intake: {
  service_code: string;
  api_key: string;
  jurisdiction_id?: string | undefined;
}): Open311Endpoint {
  return {
    serviceCode: intake.service_code,
    apiKey: intake.api_key,
    jurisdictionId: intake.jurisdiction_id,
  };
}

/** The attribute values of a request, by code, in definition order; empty optionals left out. */
export function callbackAttributes(request: CallbackRequest): Array<[string, string | string[]]> {
  const entries: Array<[string, string | string[] | undefined]> = [
    ['for', request.forWhom],
    ['phone_owner', request.phoneOwner],
    ['voicemail_ok', request.voicemailOk ? 'yes' : 'no'],
    ['text_ok', request.textOk ? 'yes' : 'no'],
    ['best_time', request.bestTime],
    ['language', request.language],
    ['paths', request.paths.length > 0 ? request.paths : undefined],
    ['area', request.area],
    ['provider', request.provider],
    ['notes', request.notes],
    ['consent', request.consent ? 'yes' : undefined],
  ];
  return entries.filter((entry): entry is [string, string | string[]] => entry[1] !== undefined);
}

/**
 * `application/x-www-form-urlencoded; charset=utf-8` body for `POST requests.json`:
 * `attribute[code]=v`, and `attribute[code][]=a&attribute[code][]=b` for a multi-value list.
 */
export function buildRequestBody(request: CallbackRequest, endpoint: Open311Endpoint): string {
  const params = new URLSearchParams();
  params.append('api_key', endpoint.apiKey);
  params.append('service_code', endpoint.serviceCode);
  if (endpoint.jurisdictionId) params.append('jurisdiction_id', endpoint.jurisdictionId);
  if (request.firstName) params.append('first_name', request.firstName);
  params.append('phone', request.phone);
  params.append('description', CALLBACK_DESCRIPTION);
  for (const [code, value] of callbackAttributes(request)) {
    if (Array.isArray(value)) for (const v of value) params.append(`attribute[${code}][]`, v);
    else params.append(`attribute[${code}]`, value);
  }
  return params.toString();
}

const ATTRIBUTE = /^attribute\[([a-z_]+)\](\[\])?$/;

/**
 * The callback fields of a posted Open311 body, for `validateCallback`. Only `first_name`,
 * `phone` and `attribute[…]` are read: a client's `description`, location or e-mail is ignored,
 * so nothing personal a client sends there is ever stored.
 */
export function fieldsFromRequestBody(params: URLSearchParams): RawCallbackFields {
  const fields: Record<string, string[]> = {};
  const add = (field: string, value: string) => (fields[field] ??= []).push(value);
  for (const [name, value] of params) {
    if (name === 'first_name' || name === 'phone' || name === HONEYPOT_FIELD) add(name, value);
    const match = ATTRIBUTE.exec(name);
    if (match) add(match[1]!, value);
  }
  return fields;
}
