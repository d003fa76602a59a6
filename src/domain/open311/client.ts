import { Open311Error, kindForStatus, parseRetryAfter } from './errors.ts';
import type {
  Open311Attribute,
  Open311Client,
  Open311ErrorItem,
  Open311Service,
  Open311ServiceDefinition,
  Open311ServiceRequest,
  SubmitOptions,
  SubmitResult,
  TokenResult,
} from './types.ts';

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

export interface FetchOpen311ClientOptions {
  /** Base URL without a trailing slash, e.g. https://311.example.gov/open311/v2. */
  endpoint: string;
  /** Added to every GET when the endpoint serves several jurisdictions. */
  jurisdictionId?: string | undefined;
  /** Injected for tests; the global fetch otherwise. */
  fetch?: typeof fetch;
  /** Abort a call that has not fully answered in this time. One bar of signal is slow. */
  timeoutMs?: number;
  /**
   * Whether to send the Idempotency-Key header. It makes the browser preflight the POST, so a
   * city endpoint whose CORS does not allow the header needs this off (the outbox still never
   * resends after a 2xx).
   */
  sendIdempotencyKey?: boolean;
  /** Batch services: how often and how many times to ask `tokens/{token}.json` for the id. */
  tokenPolling?: { attempts: number; intervalMs: number };
  /** `requests` (the standard) or `request` (some cities) for a single request's status. */
  requestPath?: 'requests' | 'request';
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_TOKEN_POLLING = { attempts: 5, intervalMs: 2_000 };

type Json = unknown;

/** Open311 ids are strings, but servers send numbers too: accept both, return a string. */
function idString(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Some servers answer with one object where the standard says an array of one. */
function asArray(value: Json): unknown[] | null {
  if (Array.isArray(value)) return value as unknown[];
  if (isRecord(value)) return [value];
  return null;
}

/** The error array of an error response, if the body is one. */
export function parseErrorItems(value: Json): Open311ErrorItem[] {
  const items = asArray(value) ?? [];
  const errors: Open311ErrorItem[] = [];
  for (const item of items) {
    if (!isRecord(item)) continue;
    const code = idString(item.code);
    const description = stringOrNull(item.description);
    if (code !== null || description !== null) {
      errors.push({ code: code ?? '', description: description ?? '' });
    }
  }
  return errors;
}

function malformed(what: string, status: number): Open311Error {
  // A 2xx that is not Open311 JSON is most often a captive portal or a proxy's page, so the
  // request probably never reached the city: retry it (with the same idempotency key).
  return new Open311Error({ kind: 'server', status, message: `Malformed ${what} response` });
}

/**
 * A POST's answer. GeoReport sends one of the two: an id for a realtime service (the local
 * intake server), a token for a batch one (polled below). Some servers, this one's earlier
 * versions among them, send both: the id is used and nothing is polled.
 */
function parseSubmitResult(value: Json, status: number): SubmitResult {
  const first = asArray(value)?.[0];
  if (!isRecord(first)) throw malformed('submit', status);
  const result: SubmitResult = {
    serviceRequestId: idString(first.service_request_id),
    token: idString(first.token),
    serviceNotice: stringOrNull(first.service_notice),
    accountId: idString(first.account_id),
  };
  return result;
}

function parseService(value: unknown): Open311Service | null {
  if (!isRecord(value)) return null;
  const code = idString(value.service_code);
  if (code === null) return null;
  const type = value.type === 'batch' || value.type === 'blackbox' ? value.type : 'realtime';
  return {
    service_code: code,
    service_name: stringOrNull(value.service_name) ?? code,
    description: stringOrNull(value.description) ?? '',
    metadata: value.metadata === true || value.metadata === 'true',
    type,
    keywords: stringOrNull(value.keywords) ?? '',
    group: stringOrNull(value.group) ?? '',
  };
}

function parseAttribute(value: unknown): Open311Attribute | null {
  if (!isRecord(value)) return null;
  const code = idString(value.code);
  if (code === null) return null;
  const values = Array.isArray(value.values)
    ? value.values.flatMap((entry) => {
        if (!isRecord(entry)) return [];
        const key = idString(entry.key);
        return key === null ? [] : [{ key, name: stringOrNull(entry.name) ?? key }];
      })
    : undefined;
  const attribute: Open311Attribute = {
    variable: value.variable !== false && value.variable !== 'false',
    code,
    datatype: (stringOrNull(value.datatype) ?? 'string') as Open311Attribute['datatype'],
    required: value.required === true || value.required === 'true',
    datatype_description: stringOrNull(value.datatype_description),
    order: typeof value.order === 'number' ? value.order : Number(value.order ?? 0),
    description: stringOrNull(value.description) ?? '',
  };
  if (values) attribute.values = values;
  return attribute;
}

function parseServiceRequest(value: unknown): Open311ServiceRequest | null {
  if (!isRecord(value)) return null;
  const id = idString(value.service_request_id);
  if (id === null) return null;
  return {
    service_request_id: id,
    status: stringOrNull(value.status) ?? 'open',
    status_notes: stringOrNull(value.status_notes),
    service_name: stringOrNull(value.service_name),
    service_code: idString(value.service_code),
    agency_responsible: stringOrNull(value.agency_responsible),
    service_notice: stringOrNull(value.service_notice),
    requested_datetime: stringOrNull(value.requested_datetime),
    updated_datetime: stringOrNull(value.updated_datetime),
    expected_datetime: stringOrNull(value.expected_datetime),
  };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An Open311Client over fetch: what the outbox uses in the browser. */
export function createFetchOpen311Client(options: FetchOpen311ClientOptions): Open311Client {
  const endpoint = options.endpoint.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const polling = options.tokenPolling ?? DEFAULT_TOKEN_POLLING;
  const sleep = options.sleep ?? defaultSleep;
  const now = options.now ?? Date.now;
  const requestPath = options.requestPath ?? 'requests';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));

  function url(path: string, query: Record<string, string> = {}): string {
    const params = new URLSearchParams(query);
    if (options.jurisdictionId) params.set('jurisdiction_id', options.jurisdictionId);
    const search = params.toString();
    return `${endpoint}/${path}${search ? `?${search}` : ''}`;
  }

  /** One HTTP call: resolves with the status and parsed JSON of a 2xx, or throws Open311Error. */
  async function call(target: string, init: RequestInit): Promise<{ status: number; body: Json }> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    try {
      let response: Response;
      try {
        response = await doFetch(target, { ...init, signal: controller.signal });
      } catch (cause) {
        throw timedOut
          ? new Open311Error({ kind: 'timeout', message: 'The server did not answer', cause })
          : new Open311Error({ kind: 'network', message: 'No connection to the server', cause });
      }
      let text: string;
      try {
        text = await response.text();
      } catch (cause) {
        const kind = timedOut ? 'timeout' : 'network';
        throw new Open311Error({ kind, status: response.status, message: 'Answer cut off', cause });
      }
      let body: Json = undefined;
      let parsed = false;
      try {
        body = JSON.parse(text) as Json;
        parsed = true;
      } catch {
        // An HTML error page or a truncated body: handled below by status.
      }
      if (response.ok) {
        if (!parsed) throw malformed('JSON', response.status);
        return { status: response.status, body };
      }
      const errors = parsed ? parseErrorItems(body) : [];
      throw new Open311Error({
        kind: kindForStatus(response.status),
        status: response.status,
        errors,
        message: errors[0]?.description || `HTTP ${response.status}`,
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()),
      });
    } finally {
      clearTimeout(timer);
    }
  }

  async function get(path: string, query?: Record<string, string>) {
    return call(url(path, query), { method: 'GET', headers: { Accept: 'application/json' } });
  }

  async function token(value: string): Promise<TokenResult> {
    const { status, body } = await get(`tokens/${encodeURIComponent(value)}.json`);
    const first = asArray(body)?.[0];
    if (first !== undefined && !isRecord(first)) throw malformed('token', status);
    return { token: value, serviceRequestId: first ? idString(first.service_request_id) : null };
  }

  /**
   * Turns a batch token into an id, bounded. The POST already succeeded, so a failure here
   * must never look like a failed submission (that would make the outbox send it again).
   */
  async function resolveToken(result: SubmitResult): Promise<SubmitResult> {
    if (result.serviceRequestId !== null || result.token === null) return result;
    for (let attempt = 0; attempt < polling.attempts; attempt += 1) {
      await sleep(polling.intervalMs);
      try {
        const answer = await token(result.token);
        if (answer.serviceRequestId !== null) {
          return { ...result, serviceRequestId: answer.serviceRequestId };
        }
      } catch {
        // Not ready (404), or the connection dropped: keep the token, try again.
      }
    }
    return result;
  }

  return {
    async services() {
      const { status, body } = await get('services.json');
      const list = asArray(body);
      if (list === null) throw malformed('services', status);
      return list.map(parseService).filter((s): s is Open311Service => s !== null);
    },

    async definition(serviceCode) {
      const { status, body } = await get(`services/${encodeURIComponent(serviceCode)}.json`);
      if (!isRecord(body)) throw malformed('definition', status);
      const attributes = Array.isArray(body.attributes) ? body.attributes : [];
      return {
        service_code: idString(body.service_code) ?? serviceCode,
        attributes: attributes
          .map(parseAttribute)
          .filter((a): a is Open311Attribute => a !== null)
          .sort((a, b) => a.order - b.order),
      } satisfies Open311ServiceDefinition;
    },

    async submit(body: string, { idempotencyKey }: SubmitOptions) {
      const headers: Record<string, string> = {
        Accept: 'application/json',
        'Content-Type': FORM_CONTENT_TYPE,
      };
      // Quoted: the IETF draft defines the header as a structured-field string.
      if (options.sendIdempotencyKey !== false) headers['Idempotency-Key'] = `"${idempotencyKey}"`;
      const answer = await call(`${endpoint}/requests.json`, { method: 'POST', headers, body });
      return resolveToken(parseSubmitResult(answer.body, answer.status));
    },

    token,

    async request(serviceRequestId) {
      let answer: { status: number; body: Json };
      try {
        answer = await get(`${requestPath}/${encodeURIComponent(serviceRequestId)}.json`);
      } catch (error) {
        if (error instanceof Open311Error && error.kind === 'not-found') return null;
        throw error;
      }
      const list = asArray(answer.body);
      if (list === null) throw malformed('request', answer.status);
      return list.length === 0 ? null : parseServiceRequest(list[0]);
    },
  };
}
