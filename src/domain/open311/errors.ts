import type { Open311ErrorItem } from './types.ts';

/**
 * Why a call failed, in the terms the outbox acts on:
 * - network: no answer at all (offline, DNS, connection reset, CORS refusal);
 * - timeout: no complete answer in time;
 * - rate-limited: 429, wait for Retry-After;
 * - server: 5xx, an HTML error page, or a 2xx whose body is not Open311 JSON;
 * - rejected: 400/413/422…, the server read the request and refused it;
 * - unauthorised: 401/403, the api key (a deployment setting) is wrong;
 * - not-found: 404, unknown service, request or token.
 */
export const OPEN311_ERROR_KINDS = [
  'network',
  'timeout',
  'rate-limited',
  'server',
  'rejected',
  'unauthorised',
  'not-found',
] as const;
export type Open311ErrorKind = (typeof OPEN311_ERROR_KINDS)[number];

const RETRYABLE: ReadonlySet<Open311ErrorKind> = new Set([
  'network',
  'timeout',
  'rate-limited',
  'server',
]);

export interface Open311ErrorInit {
  kind: Open311ErrorKind;
  message: string;
  status?: number | undefined;
  errors?: readonly Open311ErrorItem[] | undefined;
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/** The one error every Open311 call rejects with. */
export class Open311Error extends Error {
  override readonly name = 'Open311Error';
  readonly kind: Open311ErrorKind;
  /** Whether sending the same request again later may succeed. */
  readonly retryable: boolean;
  /** HTTP status, when there was a response. */
  readonly status: number | undefined;
  /** The server's error array, when it sent one. */
  readonly errors: readonly Open311ErrorItem[];
  /** From Retry-After, when the server sent one. */
  readonly retryAfterMs: number | undefined;

  constructor(init: Open311ErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.kind = init.kind;
    this.retryable = RETRYABLE.has(init.kind);
    this.status = init.status;
    this.errors = init.errors ?? [];
    this.retryAfterMs = init.retryAfterMs;
  }
}

export function isOpen311Error(value: unknown): value is Open311Error {
  return value instanceof Open311Error;
}

/** The kind of failure an HTTP status means. Only called for non-2xx statuses. */
export function kindForStatus(status: number): Open311ErrorKind {
  if (status === 401 || status === 403) return 'unauthorised';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 408) return 'timeout';
  if (status === 429) return 'rate-limited';
  if (status >= 500) return 'server';
  return 'rejected';
}

/**
 * Retry-After as milliseconds from `now`: either delay-seconds or an HTTP date. Unreadable
 * values are ignored rather than trusted.
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}
