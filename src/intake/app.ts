import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { expectedCall } from '../domain/callback/expected-call.ts';
import { normaliseRequestId } from '../domain/callback/request-id.ts';
import { callbackAttributes, fieldsFromRequestBody } from '../domain/callback/request.ts';
import { describeFieldError, validateCallback } from '../domain/callback/validate.ts';
import type { FullRequestRow, IntakeDb, RequestStatusRow } from './db.ts';
import type { IntakeDeployment } from './deployment.ts';
import type { DiscoveryDocument } from './discovery.ts';
import {
  BodyTooLarge,
  clientAddress,
  readBody,
  SECURITY_HEADERS,
  send,
  sendError,
  sendErrors,
  sendJson,
  type Format,
} from './http.ts';
import { newRequestId } from './ids.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { GroupCommitWriter } from './writer.ts';

/** What the request handlers share; built once by startIntakeServer. */
export interface AppContext {
  deployment: IntakeDeployment;
  db: IntakeDb;
  writer: GroupCommitWriter;
  apiKey: string;
  adminToken: string;
  allowedOrigins: ReadonlySet<string>;
  postLimiter: RateLimiter | null;
  lookupLimiter: RateLimiter | null;
  bodyLimitBytes: number;
  idPrefix: string;
  /** Built once the server listens (its address may be chosen then). */
  discovery: DiscoveryDocument;
  now: () => Date;
}

/** One HTTP exchange, with the format its path asked for. */
export interface Call {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  format: Format;
}

const MAX_IDS_PER_LOOKUP = 20;

/** ISO 8601 in UTC, to the second: 2026-01-12T17:00:00Z. */
function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Constant-time comparison: hashing first makes the lengths equal too. */
function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

// --- CORS -----------------------------------------------------------------------------------

/** CORS headers for an allowed Origin; none for others, which browsers then refuse to read. */
export function corsHeaders(ctx: AppContext, req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  const headers: Record<string, string> = { Vary: 'Origin' };
  if (origin && ctx.allowedOrigins.has(origin)) {
    headers['Access-Control-Allow-Origin'] = origin;
    // Without this the outbox could not read Retry-After from a cross-origin 429/503.
    headers['Access-Control-Expose-Headers'] = 'Retry-After, Idempotent-Replayed';
  }
  return headers;
}

/**
 * A browser page from another origin: refused before anything is done, so a page elsewhere
 * cannot make visitors' browsers file requests (a form-urlencoded POST needs no preflight).
 */
function foreignOrigin(ctx: AppContext, req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin !== undefined && !ctx.allowedOrigins.has(origin);
}

export function preflight(ctx: AppContext, { req, res, format }: Call): void {
  if (foreignOrigin(ctx, req) || !req.headers.origin) {
    sendError(res, format, 403, 'Origin not allowed', { Vary: 'Origin' });
    return;
  }
  res.writeHead(204, {
    ...SECURITY_HEADERS,
    'Cache-Control': 'no-store',
    ...corsHeaders(ctx, req),
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
    'Access-Control-Max-Age': '600',
  });
  res.end();
}

// --- jurisdiction_id ------------------------------------------------------------------------

/**
 * GeoReport lets a server that serves one jurisdiction ignore `jurisdiction_id`. This one
 * serves one: without a jurisdiction_id in site.yaml it ignores the parameter, so a client set
 * up with one can still submit; with one, it refuses a different one (404, as the standard
 * says) and accepts the same one, in any case (it is usually a domain name), or none.
 */
export function jurisdictionAccepted(ctx: AppContext, given: string | null): boolean {
  const configured = ctx.deployment.site.intake.jurisdiction_id;
  const value = given?.trim() ?? '';
  if (!configured || value === '') return true;
  return value.toLowerCase() === configured.toLowerCase();
}

// --- public reads ---------------------------------------------------------------------------

export function discovery(ctx: AppContext, { req, res, format }: Call): void {
  send(res, format, 200, 'discovery', ctx.discovery, corsHeaders(ctx, req));
}

export function services(ctx: AppContext, { req, res, format }: Call): void {
  send(res, format, 200, 'services', [ctx.deployment.callback.service], corsHeaders(ctx, req));
}

export function definition(ctx: AppContext, { req, res, format }: Call, code: string): void {
  const cors = corsHeaders(ctx, req);
  if (code !== ctx.deployment.callback.service.service_code) {
    sendError(res, format, 404, 'Unknown service_code', cors);
    return;
  }
  send(res, format, 200, 'service_definition', ctx.deployment.callback.definition, cors);
}

/** The public face of a request: status fields only, never anything the person gave. */
function publicStatus(ctx: AppContext, row: RequestStatusRow) {
  return {
    service_request_id: row.id,
    status: row.status,
    service_code: row.serviceCode,
    service_name: ctx.deployment.callback.service.service_name,
    requested_datetime: row.requestedAt,
    updated_datetime: row.updatedAt,
    expected_datetime: row.expectedStart,
  };
}

/** Look-ups are rate limited: ids are unguessable, and this keeps guessing slow as well. */
function lookupAllowed(ctx: AppContext, { req, res, format }: Call): boolean {
  const decision = ctx.lookupLimiter?.take(clientAddress(req)) ?? { allowed: true };
  if (decision.allowed) return true;
  sendError(res, format, 429, 'Too many requests; try again later', {
    ...corsHeaders(ctx, req),
    'Retry-After': String(decision.retryAfterSeconds),
  });
  return false;
}

export function requestStatus(ctx: AppContext, call: Call, id: string): void {
  if (!lookupAllowed(ctx, call)) return;
  const { req, res, format } = call;
  const row = ctx.db.statusById(normaliseRequestId(id, ctx.idPrefix));
  if (!row) {
    sendError(res, format, 404, 'Unknown service_request_id', corsHeaders(ctx, req));
    return;
  }
  send(res, format, 200, 'service_requests', [publicStatus(ctx, row)], corsHeaders(ctx, req));
}

/**
 * `GET requests.json` needs `service_request_id`: listing every callback request, even by
 * status alone, would tell strangers who asked for help and when.
 */
export function requestsQuery(ctx: AppContext, call: Call): void {
  const { req, res, url, format } = call;
  const wanted = (url.searchParams.get('service_request_id') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (wanted.length === 0 || wanted.length > MAX_IDS_PER_LOOKUP) {
    const description = `Give service_request_id (at most ${MAX_IDS_PER_LOOKUP}, comma-separated)`;
    sendError(res, format, 400, description, corsHeaders(ctx, req));
    return;
  }
  if (!lookupAllowed(ctx, call)) return;
  const rows = wanted
    .map((id) => ctx.db.statusById(normaliseRequestId(id, ctx.idPrefix)))
    .filter((row): row is RequestStatusRow => row !== null);
  const body = rows.map((row) => publicStatus(ctx, row));
  send(res, format, 200, 'service_requests', body, corsHeaders(ctx, req));
}

/**
 * A token from an earlier version of this server, which gave one with every id. POST answers
 * no longer carry one (the service is realtime), but what was handed out keeps working.
 */
export function tokenStatus(ctx: AppContext, call: Call, token: string): void {
  if (!lookupAllowed(ctx, call)) return;
  const { req, res, format } = call;
  const id = ctx.db.idByToken(token);
  if (!id) {
    sendError(res, format, 404, 'Unknown token', corsHeaders(ctx, req));
    return;
  }
  send(
    res,
    format,
    200,
    'service_requests',
    [{ service_request_id: id, token }],
    corsHeaders(ctx, req),
  );
}

// --- submission -----------------------------------------------------------------------------

/** The Idempotency-Key header: an sf-string per the IETF draft, so quotes are optional here. */
function idempotencyKey(req: IncomingMessage): string | null | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  const value = (Array.isArray(raw) ? raw[0] : raw)?.trim().replace(/^"(.*)"$/, '$1') ?? '';
  return /^[\x21-\x7e]{1,255}$/.test(value) ? value : null;
}

function serviceNotice(ctx: AppContext): string {
  const name = ctx.deployment.site.specialists.name;
  return `A ${name} specialist will call back during their hours.`;
}

/**
 * `POST requests.{format}`. The service is `realtime`, so the answer is what the standard's
 * example shows for one: `[{ service_request_id, service_notice }]`, with no token (a token is
 * for services whose ids come later, and the standard says not to send both).
 */
export async function submit(ctx: AppContext, { req, res, format }: Call): Promise<void> {
  const cors = corsHeaders(ctx, req);
  const fail = (status: number, description: string, headers = cors) =>
    sendError(res, format, status, description, headers);
  if (foreignOrigin(ctx, req)) return fail(403, 'Origin not allowed');

  const rate = ctx.postLimiter?.take(clientAddress(req)) ?? { allowed: true };
  if (!rate.allowed) {
    const wait = { ...cors, 'Retry-After': String(rate.retryAfterSeconds) };
    return fail(429, 'Too many requests; try again later', wait);
  }

  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return fail(415, 'Send application/x-www-form-urlencoded');
  }

  let raw: Buffer;
  try {
    raw = await readBody(req, ctx.bodyLimitBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    // The rest of the body is not read: close the connection once this answer is out.
    const limit = `${Math.round(ctx.bodyLimitBytes / 1024)} KB`;
    return fail(413, `Request body over ${limit}`, { ...cors, Connection: 'close' });
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return fail(400, 'The body is not UTF-8');
  }

  // The api key is public (it is in the site's pages); it identifies the client, not a person.
  if (params.get('api_key') !== ctx.apiKey) return fail(403, 'Invalid api_key');
  if (!jurisdictionAccepted(ctx, params.get('jurisdiction_id'))) {
    return fail(404, 'Unknown jurisdiction_id');
  }
  const serviceCode = params.get('service_code') ?? '';
  if (serviceCode === '') return fail(400, 'service_code is required');
  if (serviceCode !== ctx.deployment.callback.service.service_code) {
    return fail(404, 'Unknown service_code');
  }

  const key = idempotencyKey(req);
  if (key === null) return fail(400, 'Idempotency-Key must be 1–255 visible ASCII characters');

  const result = validateCallback(fieldsFromRequestBody(params), ctx.deployment.callback);
  if (result.kind === 'invalid') {
    const errors = result.errors.map(({ code }) => ({
      code,
      description: describeFieldError(code),
    }));
    return sendErrors(res, format, 400, errors, cors);
  }
  if (result.kind === 'bot') {
    // Looks exactly like success, stores nothing (see validate.ts for why).
    const answer = {
      service_request_id: newRequestId(ctx.idPrefix),
      service_notice: serviceNotice(ctx),
    };
    return send(res, format, 201, 'service_requests', [answer], cors);
  }

  const { request } = result;
  const now = ctx.now();
  const window = expectedCall({
    intervals: ctx.deployment.specialistsWeek,
    timeZone: ctx.deployment.site.time_zone,
    bestTime: request.bestTime,
    now,
  });
  const outcome = await ctx.writer.write({
    idempotencyKey: key ?? null,
    bodyHash: key ? createHash('sha256').update(raw).digest('hex') : null,
    serviceCode,
    requestedAt: isoSeconds(now),
    expectedStart: window && isoSeconds(window.start),
    expectedEnd: window && isoSeconds(window.end),
    serviceNotice: serviceNotice(ctx),
    firstName: request.firstName ?? null,
    phone: request.phone,
    attributes: Object.fromEntries(callbackAttributes(request)),
  });
  if (outcome.kind === 'key-reused') {
    return fail(422, 'Idempotency-Key was used for a different request');
  }
  const { receipt, replayed } = outcome;
  // The database still draws a token for every row (the column predates this answer); it is
  // not given out, so only tokens handed out before resolve at tokens/.
  const body = [{ service_request_id: receipt.id, service_notice: receipt.serviceNotice }];
  const headers = replayed ? { ...cors, 'Idempotent-Replayed': 'true' } : cors;
  return send(res, format, 201, 'service_requests', body, headers);
}

// --- the specialists' queue -----------------------------------------------------------------

function fullRequest(ctx: AppContext, row: FullRequestRow) {
  return {
    ...publicStatus(ctx, row),
    expected_end_datetime: row.expectedEnd,
    service_notice: row.serviceNotice,
    first_name: row.firstName,
    phone: row.phone,
    attributes: row.attributes,
  };
}

/** The specialists' queue: JSON only (it is not Open311), behind the admin token. */
export function adminRequests(ctx: AppContext, { req, res, url }: Call): void {
  const header = req.headers.authorization ?? '';
  const given = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
  if (!sameSecret(given, ctx.adminToken)) {
    const challenge = { 'WWW-Authenticate': 'Bearer' };
    sendError(res, 'json', 401, 'A valid admin token is required', challenge);
    return;
  }
  const status = url.searchParams.get('status') ?? undefined;
  sendJson(
    res,
    200,
    ctx.db.fullRequests(status).map((row) => fullRequest(ctx, row)),
  );
}
