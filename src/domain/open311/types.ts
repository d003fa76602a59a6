/**
 * Open311 GeoReport v2 shapes, as the standard defines them (see docs/open311.md). Field
 * names are the wire names, so these types describe JSON exactly; the client normalises what
 * servers actually send (numeric ids, missing fields) into them.
 */

export type Open311Datatype =
  'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/** One choice of a list attribute: `key` travels, `name` is shown. */
export interface Open311Value {
  key: string;
  name: string;
}

/** One question of a service definition (`GET services/{code}.json`). */
export interface Open311Attribute {
  /** false: display-only text, nothing is submitted for it. */
  variable: boolean;
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  datatype_description: string | null;
  order: number;
  description: string;
  /** Present for singlevaluelist and multivaluelist. */
  values?: Open311Value[];
}

export interface Open311ServiceDefinition {
  service_code: string;
  attributes: Open311Attribute[];
}

/** One entry of `GET services.json`. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  /** true when the service has a definition with attributes. */
  metadata: boolean;
  /** realtime: an id at once; batch: a token first; blackbox: no id at all. */
  type: 'realtime' | 'batch' | 'blackbox';
  keywords: string;
  group: string;
}

/** A request's public status (`GET requests/{id}.json`). Every field but the id is optional. */
export interface Open311ServiceRequest {
  service_request_id: string;
  /** `open` or `closed` in the standard; kept as sent. */
  status?: string;
  status_notes?: string | null;
  service_name?: string | null;
  service_code?: string | null;
  agency_responsible?: string | null;
  service_notice?: string | null;
  requested_datetime?: string | null;
  updated_datetime?: string | null;
  expected_datetime?: string | null;
}

/** One entry of an Open311 error array; `code` may be numeric (403) or a key (phone.invalid). */
export interface Open311ErrorItem {
  code: string;
  description: string;
}

/** What a successful `POST requests.json` gave back, normalised. */
export interface SubmitResult {
  /** The request's id; null for blackbox services or a batch token not yet turned into one. */
  serviceRequestId: string | null;
  /** The batch token, when the server gave one. */
  token: string | null;
  serviceNotice: string | null;
  accountId: string | null;
}

/** What `GET tokens/{token}.json` gave back: the id once the batch has been processed. */
export interface TokenResult {
  token: string;
  serviceRequestId: string | null;
}

export interface SubmitOptions {
  /** Sent as the `Idempotency-Key` header; the same key for every attempt of one request. */
  idempotencyKey: string;
}

/**
 * The calls the finder makes to an Open311 endpoint. Every method either resolves with
 * normalised data or rejects with an `Open311Error`.
 */
export interface Open311Client {
  services(): Promise<Open311Service[]>;
  definition(serviceCode: string): Promise<Open311ServiceDefinition>;
  /** Posts a form-urlencoded body (see callback/request.ts); polls a batch token, bounded. */
  submit(body: string, options: SubmitOptions): Promise<SubmitResult>;
  token(token: string): Promise<TokenResult>;
  /** A request's public status, or null when the server does not know the id. */
  request(serviceRequestId: string): Promise<Open311ServiceRequest | null>;
}
