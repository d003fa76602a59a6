import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { expectedCall } from '../domain/callback/expected-call.ts';
import { normaliseRequestId } from '../domain/callback/request-id.ts';
import { callbackAttributes, fieldsFromRequestBody } from '../domain/callback/request.ts';
import { describeFieldError, validateCallback } from '../domain/callback/validate.ts';
import type { FullRequestRow, IntakeDb, RequestStatusRow } from './db.ts';
import type { IntakeDeployment } from './deployment.ts';
import { BodyTooLarge, clientAddress, readBody, sendError, sendErrors, sendJson } from './http.ts';
import { newRequestId, newToken } from './ids.ts';
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
  now: () => Date;
}

export const BASE_PATH = '/open311/v2';
const MAX_IDS_PER_LOOKUP = 20;

/** A matched route: its label for the access log (no ids or tokens) and its handler. */
export interface Route {
  label: string;
  handle: (ctx: AppContext, req: IncomingMessage, res: ServerResponse, url: URL) => unknown;
}

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

function preflight(ctx: AppContext, req: IncomingMessage, res: ServerResponse): void {
  if (foreignOrigin(ctx, req) || !req.headers.origin) {
    sendError(res, 403, 'Origin not allowed', { Vary: 'Origin' });
    return;
  }
  res.writeHead(204, {
    ...corsHeaders(ctx, req),
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
    'Access-Control-Max-Age': '600',
  });
  res.end();
}

// --- public reads ---------------------------------------------------------------------------

function services(ctx: AppContext, req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 200, [ctx.deployment.callback.service], corsHeaders(ctx, req));
}

function definition(ctx: AppContext, req: IncomingMessage, res: ServerResponse, code: string) {
  if (code !== ctx.deployment.callback.service.service_code) {
    sendError(res, 404, 'Unknown service_code', corsHeaders(ctx, req));
    return;
  }
  sendJson(res, 200, ctx.deployment.callback.definition, corsHeaders(ctx, req));
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
function lookupAllowed(ctx: AppContext, req: IncomingMessage, res: ServerResponse): boolean {
  const decision = ctx.lookupLimiter?.take(clientAddress(req)) ?? { allowed: true };
  if (decision.allowed) return true;
  sendError(res, 429, 'Too many requests; try again later', {
    ...corsHeaders(ctx, req),
    'Retry-After': String(decision.retryAfterSeconds),
  });
  return false;
}

function requestStatus(ctx: AppContext, req: IncomingMessage, res: ServerResponse, id: string) {
  if (!lookupAllowed(ctx, req, res)) return;
  const row = ctx.db.statusById(normaliseRequestId(id, ctx.idPrefix));
  if (!row) {
    sendError(res, 404, 'Unknown service_request_id', corsHeaders(ctx, req));
    return;
  }
  sendJson(res, 200, [publicStatus(ctx, row)], corsHeaders(ctx, req));
}

/**
 * `GET requests.json` needs `service_request_id`: listing every callback request, even by
 * status alone, would tell strangers who asked for help and when.
 */
function requestsQuery(ctx: AppContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const wanted = (url.searchParams.get('service_request_id') ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (wanted.length === 0 || wanted.length > MAX_IDS_PER_LOOKUP) {
    sendError(
      res,
      400,
      `Give service_request_id (at most ${MAX_IDS_PER_LOOKUP}, comma-separated)`,
      {
        ...corsHeaders(ctx, req),
      },
    );
    return;
  }
  if (!lookupAllowed(ctx, req, res)) return;
  const rows = wanted
    .map((id) => ctx.db.statusById(normaliseRequestId(id, ctx.idPrefix)))
    .filter((row): row is RequestStatusRow => row !== null);
  sendJson(
    res,
    200,
    rows.map((row) => publicStatus(ctx, row)),
    corsHeaders(ctx, req),
  );
}

function tokenStatus(ctx: AppContext, req: IncomingMessage, res: ServerResponse, token: string) {
  if (!lookupAllowed(ctx, req, res)) return;
  const id = ctx.db.idByToken(token);
  if (!id) {
    sendError(res, 404, 'Unknown token', corsHeaders(ctx, req));
    return;
  }
  sendJson(res, 200, [{ service_request_id: id, token }], corsHeaders(ctx, req));
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

async function submit(ctx: AppContext, req: IncomingMessage, res: ServerResponse) {
  const cors = corsHeaders(ctx, req);
  if (foreignOrigin(ctx, req)) return sendError(res, 403, 'Origin not allowed', cors);

  const rate = ctx.postLimiter?.take(clientAddress(req)) ?? { allowed: true };
  if (!rate.allowed) {
    const wait = { ...cors, 'Retry-After': String(rate.retryAfterSeconds) };
    return sendError(res, 429, 'Too many requests; try again later', wait);
  }

  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return sendError(res, 415, 'Send application/x-www-form-urlencoded', cors);
  }

  let raw: Buffer;
  try {
    raw = await readBody(req, ctx.bodyLimitBytes);
  } catch (error) {
    if (!(error instanceof BodyTooLarge)) throw error;
    // The rest of the body is not read: close the connection once this answer is out.
    const limit = `${Math.round(ctx.bodyLimitBytes / 1024)} KB`;
    return sendError(res, 413, `Request body over ${limit}`, { ...cors, Connection: 'close' });
  }
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return sendError(res, 400, 'The body is not UTF-8', cors);
  }

  // The api key is public (it is in the site's pages); it identifies the client, not a person.
  if (params.get('api_key') !== ctx.apiKey) return sendError(res, 403, 'Invalid api_key', cors);

  const jurisdiction = params.get('jurisdiction_id') ?? '';
  const configured = ctx.deployment.site.intake.jurisdiction_id ?? '';
  if (jurisdiction !== '' && jurisdiction !== configured) {
    return sendError(res, 404, 'Unknown jurisdiction_id', cors);
  }
  const serviceCode = params.get('service_code') ?? '';
  if (serviceCode === '') return sendError(res, 400, 'service_code is required', cors);
  if (serviceCode !== ctx.deployment.callback.service.service_code) {
    return sendError(res, 404, 'Unknown service_code', cors);
  }

  const key = idempotencyKey(req);
  if (key === null) {
    return sendError(res, 400, 'Idempotency-Key must be 1–255 visible ASCII characters', cors);
  }

  const result = validateCallback(fieldsFromRequestBody(params), ctx.deployment.callback);
  if (result.kind === 'invalid') {
    const errors = result.errors.map(({ code }) => ({
      code,
      description: describeFieldError(code),
    }));
    return sendErrors(res, 400, errors, cors);
  }
  if (result.kind === 'bot') {
    // Looks exactly like success, stores nothing (see validate.ts for why).
    const answer = { service_request_id: newRequestId(ctx.idPrefix), token: newToken() };
    return sendJson(res, 201, [{ ...answer, service_notice: serviceNotice(ctx) }], cors);
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
    return sendError(res, 422, 'Idempotency-Key was used for a different request', cors);
  }
  const { receipt, replayed } = outcome;
  const body = [
    {
      service_request_id: receipt.id,
      token: receipt.token,
      service_notice: receipt.serviceNotice,
    },
  ];
  return sendJson(res, 201, body, replayed ? { ...cors, 'Idempotent-Replayed': 'true' } : cors);
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

function adminRequests(ctx: AppContext, req: IncomingMessage, res: ServerResponse, url: URL) {
  const header = req.headers.authorization ?? '';
  const given = /^Bearer (.+)$/.exec(header)?.[1] ?? '';
  if (!sameSecret(given, ctx.adminToken)) {
    sendError(res, 401, 'A valid admin token is required', { 'WWW-Authenticate': 'Bearer' });
    return;
  }
  const status = url.searchParams.get('status') ?? undefined;
  sendJson(
    res,
    200,
    ctx.db.fullRequests(status).map((row) => fullRequest(ctx, row)),
  );
}

// --- routing --------------------------------------------------------------------------------

type Handler = Route['handle'];

function only(method: string, label: string, handle: Handler): Route {
  return {
    label,
    handle: (ctx, req, res, url) => {
      if (req.method === 'OPTIONS' && label.startsWith(BASE_PATH)) return preflight(ctx, req, res);
      if (req.method !== method && !(method === 'GET' && req.method === 'HEAD')) {
        return sendError(res, 405, `Use ${method}`, { Allow: `${method}, OPTIONS` });
      }
      return handle(ctx, req, res, url);
    },
  };
}

const notFound: Route = {
  label: 'unknown',
  handle: (_ctx, _req, res) => sendError(res, 404, 'Not found'),
};

/** The route for a path. Labels name the route, not the ids in it, for the access log. */
export function route(url: URL): Route {
  const path = url.pathname;
  if (path === '/admin/requests.json') return only('GET', path, adminRequests);
  if (!path.startsWith(`${BASE_PATH}/`)) return notFound;
  const rest = path.slice(BASE_PATH.length + 1);
  if (rest === 'services.json') return only('GET', path, services);
  if (rest === 'requests.json') {
    return {
      label: path,
      handle: (ctx, req, res, u) => {
        if (req.method === 'POST') return submit(ctx, req, res);
        if (req.method === 'GET') return requestsQuery(ctx, req, res, u);
        if (req.method === 'OPTIONS') return preflight(ctx, req, res);
        return sendError(res, 405, 'Use GET or POST', { Allow: 'GET, POST, OPTIONS' });
      },
    };
  }
  const match = /^(services|requests|request|tokens)\/([^/]+)\.json$/.exec(rest);
  if (!match) return notFound;
  const [, kind, encoded] = match;
  let value: string;
  try {
    value = decodeURIComponent(encoded!);
  } catch {
    return notFound;
  }
  const label = `${BASE_PATH}/${kind}/:${kind === 'services' ? 'code' : kind === 'tokens' ? 'token' : 'id'}.json`;
  if (kind === 'services') return only('GET', label, (c, q, s) => definition(c, q, s, value));
  if (kind === 'tokens') return only('GET', label, (c, q, s) => tokenStatus(c, q, s, value));
  return only('GET', label, (c, q, s) => requestStatus(c, q, s, value));
}
