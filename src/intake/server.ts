import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { corsHeaders, type AppContext } from './app.ts';
import { DEFAULTS, configFromEnv, type IntakeOptions } from './config.ts';
import { CommitWorker } from './commit-worker.ts';
import { IntakeDb } from './db.ts';
import { loadDeployment } from './deployment.ts';
import { discoveryDocument } from './discovery.ts';
import { sendError } from './http.ts';
import { RateLimiter, parseRateLimit } from './rate-limit.ts';
import { BASE_PATH, DISCOVERY_PATH, route } from './routes.ts';
import { GroupCommitWriter } from './writer.ts';

/**
 * The local Open311 GeoReport v2 intake server: `npm run intake`, or `startIntakeServer` from
 * tests. node:http and node:sqlite only. See README.md in this folder.
 */

export interface IntakeServer {
  /** The Open311 endpoint, e.g. http://127.0.0.1:8311/open311/v2 (what site.yaml points at). */
  url: string;
  /** The server's origin, e.g. http://127.0.0.1:8311 (the admin export lives under it). */
  origin: string;
  /** The discovery document without its format, e.g. http://127.0.0.1:8311/open311/discovery. */
  discoveryUrl: string;
  port: number;
  /** Stops accepting, finishes requests in flight, commits, closes the database. */
  close(): Promise<void>;
}

const SHUTDOWN_GRACE_MS = 10_000;

function defaultLog(line: string): void {
  process.stdout.write(`${line}\n`);
}

export async function startIntakeServer(options: IntakeOptions): Promise<IntakeServer> {
  const deployment = loadDeployment(options.contentDir);
  const dbPath = resolve(options.dbPath);
  const idPrefix = options.idPrefix ?? deployment.site.intake.request_id_prefix;
  const endpointType = options.endpointType ?? 'test';
  // Two connections to one WAL file: this thread reads, the writer thread commits.
  const db = new IntakeDb(dbPath, idPrefix);
  let committer: CommitWorker;
  try {
    committer = await CommitWorker.start(dbPath, idPrefix);
  } catch (error) {
    db.close();
    throw error;
  }
  const writer = new GroupCommitWriter(
    (requests) => committer.commit(requests),
    options.groupCommitWindowMs ?? 0,
  );
  // Not given: the defaults; null: no limit (benchmarks and tests that are not about limits).
  const rateLimit =
    options.rateLimit === undefined ? parseRateLimit(DEFAULTS.rateLimit) : options.rateLimit;
  const lookupLimit =
    options.lookupRateLimit === undefined
      ? parseRateLimit(DEFAULTS.lookupRateLimit)
      : options.lookupRateLimit;
  const ctx: AppContext = {
    deployment,
    db,
    writer,
    apiKey: options.apiKey ?? DEFAULTS.apiKey,
    adminToken: options.adminToken ?? DEFAULTS.adminToken,
    allowedOrigins: new Set(options.allowedOrigins ?? DEFAULTS.allowedOrigins),
    postLimiter: rateLimit && new RateLimiter(rateLimit),
    lookupLimiter: lookupLimit && new RateLimiter(lookupLimit),
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULTS.bodyLimitBytes,
    idPrefix,
    // Replaced once listening, when the address (port 0) is known, unless given.
    discovery: discoveryDocument(deployment, options.publicUrl ?? '', endpointType),
    now: options.now ?? (() => new Date()),
  };
  const log = options.log === false ? null : (options.log ?? defaultLog);
  let inFlight = 0;
  let idle: (() => void) | null = null;
  let closing: Promise<void> | null = null;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://intake.invalid');
    } catch {
      url = new URL('http://intake.invalid/');
    }
    const matched = route(url);
    // While shutting down, answers close their connection so keep-alive cannot hold us open.
    if (closing) res.setHeader('Connection', 'close');
    inFlight += 1;
    res.on('close', () => {
      inFlight -= 1;
      // Method, route, status and time only: never a body, a query string or an id.
      const ms = (performance.now() - started).toFixed(1);
      log?.(`${req.method} ${matched.label} ${res.statusCode} ${ms}ms`);
      if (inFlight === 0) idle?.();
    });
    try {
      await matched.handle(ctx, { req, res, url, format: matched.format });
    } catch {
      // A commit that failed (disk full, I/O error, the writer thread died): the client retries,
      // and under its idempotency key a request that did get stored comes back as it is.
      // The error itself may describe data, so it is not logged.
      const headers = { ...corsHeaders(ctx, req), 'Retry-After': '5' };
      if (!res.headersSent) {
        sendError(res, matched.format, 503, 'Could not store the request', headers);
      } else res.destroy();
    }
  }

  const server = createServer({ requestTimeout: 30_000, headersTimeout: 20_000 }, (req, res) => {
    void handle(req, res);
  });
  const sweeper = setInterval(() => {
    ctx.postLimiter?.sweep();
    ctx.lookupLimiter?.sweep();
  }, 60_000);
  sweeper.unref();

  try {
    await new Promise<void>((resolveListen, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULTS.port, options.host ?? DEFAULTS.host, () => {
        server.off('error', reject);
        resolveListen();
      });
    });
  } catch (error) {
    // The port is taken, say: leave nothing open behind.
    clearInterval(sweeper);
    await committer.close();
    db.close();
    throw error;
  }
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;
  if (options.publicUrl === undefined) {
    ctx.discovery = discoveryDocument(deployment, `${origin}${BASE_PATH}`, endpointType);
  }

  async function close(): Promise<void> {
    closing ??= (async () => {
      clearInterval(sweeper);
      const stopped = new Promise<void>((done) => server.close(() => done()));
      server.closeIdleConnections();
      // Requests in flight finish (and are committed) before the database closes.
      const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
      if (inFlight > 0) await new Promise<void>((done) => (idle = done));
      await writer.drain();
      server.closeIdleConnections(); // those that finished a request since close began
      await stopped;
      clearTimeout(force);
      await committer.close();
      db.close();
    })();
    return closing;
  }

  return {
    url: `${origin}${BASE_PATH}`,
    origin,
    discoveryUrl: `${origin}${DISCOVERY_PATH}`,
    port: address.port,
    close,
  };
}

/** `node src/intake/server.ts`: settings from the environment, stop on SIGTERM/SIGINT. */
async function main(): Promise<void> {
  let options: IntakeOptions;
  try {
    options = configFromEnv(process.env);
  } catch (error) {
    process.stderr.write(`intake: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const server = await startIntakeServer(options);
  process.stdout.write(`intake: Open311 GeoReport v2 on ${server.url}\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`intake: ${signal}, finishing requests in flight\n`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

if (import.meta.main) await main();
