/**
 * `npm run bench:intake`: the intake server under load, as a city's form traffic at its worst.
 * Starts `node src/intake/server.ts` as its own process on a free loopback port with a fresh
 * SQLite file (synchronous=FULL, group commit), runs autocannon at 50 connections for 10 s
 * posting valid callback requests, each with its own Idempotency-Key, then stops the server
 * and counts the rows to show that every 2xx is stored and nothing else is.
 * Rate limits are off (all traffic comes from one address); access logs go to a file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import autocannon from 'autocannon';
// The same valid request the integration tests send.
import { body as validRequestBody } from '../unit/intake-helpers.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const DURATION_S = Number(process.env.BENCH_DURATION ?? 10);
const TARGET_RPS = 1000;
const TARGET_P99_MS = 50;
const ID_IN_ANSWER = /"service_request_id":"([^"]+)"/;

/** Starts the server and waits for its address in its log file. */
async function startServer(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const logFile = join(dir, 'intake.log');
  const log = openSync(logFile, 'a');
  const child = spawn(
    join(ROOT, 'node_modules/.bin/node'),
    process.env.BENCH_IMPORT
      ? ['--import', process.env.BENCH_IMPORT, 'src/intake/server.ts']
      : ['src/intake/server.ts'],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        INTAKE_PORT: '0',
        INTAKE_HOST: '127.0.0.1',
        INTAKE_DB: join(dir, 'intake.sqlite'),
        INTAKE_RATE_LIMIT: 'off',
        INTAKE_LOOKUP_RATE_LIMIT: 'off',
      },
      stdio: ['ignore', log, log],
    },
  );
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const match = /on (http:\/\/\S+\/open311\/v2)/.exec(readFileSync(logFile, 'utf8'));
    if (match) return { child, url: match[1]! };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`The intake server did not start:\n${readFileSync(logFile, 'utf8')}`);
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

interface Accounting {
  rows: number;
  acknowledged: number;
  missing: number;
  duplicates: number;
  inFlight: number;
  unexplained: number;
}

/**
 * Every 2xx id must be in the database, no key twice, and the only rows without a 2xx must be
 * requests that were sent but still in flight when autocannon stopped (it stops without
 * reading their answers), at most one per connection.
 */
function account(dbPath: string, acknowledged: Set<string>, sentKeys: Set<string>): Accounting {
  const db = new DatabaseSync(dbPath, { readOnly: true });
  const rows = db.prepare('SELECT id, idempotency_key AS key FROM requests').all() as Array<{
    id: string;
    key: string;
  }>;
  db.close();
  const ids = new Set(rows.map((row) => row.id));
  const keys = new Set(rows.map((row) => row.key));
  const extra = rows.filter((row) => !acknowledged.has(row.id));
  return {
    rows: rows.length,
    acknowledged: acknowledged.size,
    missing: [...acknowledged].filter((id) => !ids.has(id)).length,
    duplicates: rows.length - Math.min(ids.size, keys.size),
    inFlight: extra.length,
    unexplained: extra.filter((row) => !sentKeys.has(row.key)).length,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'intake-bench-'));
  const { child, url } = await startServer(dir);
  const body = validRequestBody({ first_name: 'Bench' });
  const acknowledged = new Set<string>();
  const sentKeys = new Set<string>();
  try {
    const load = loadavg()
      .map((n) => n.toFixed(2))
      .join(' ');
    console.log(
      `intake bench: ${CONNECTIONS} connections, ${DURATION_S} s, POST ${url}/requests.json\n` +
        `machine: ${cpus().length} cores, node ${process.version}, load average before: ${load}`,
    );
    const result = await autocannon({
      url: `${url}/requests.json`,
      connections: CONNECTIONS,
      duration: DURATION_S,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
          body,
          // A distinct key per request, as distinct people's phones would send.
          setupRequest: (request) => {
            const key = randomUUID();
            sentKeys.add(key);
            return { ...request, headers: { ...request.headers, 'idempotency-key': key } };
          },
          // A regular expression, not JSON.parse: the load generator shares the machine.
          onResponse: (status, text) => {
            const id = status === 201 ? ID_IN_ANSWER.exec(text)?.[1] : undefined;
            if (id) acknowledged.add(id);
          },
        },
      ],
    });
    const exitCode = await stop(child);
    const books = account(join(dir, 'intake.sqlite'), acknowledged, sentKeys);

    const rps = result.requests.average;
    const { p50, p99 } = result.latency;
    console.log(`requests/second: ${rps.toFixed(0)} (total ${result.requests.total})`);
    console.log(`latency: p50 ${p50} ms, p99 ${p99} ms, max ${result.latency.max} ms`);
    console.log(
      `2xx: ${result['2xx']}, non-2xx: ${result.non2xx}, errors: ${result.errors}, ` +
        `timeouts: ${result.timeouts}`,
    );
    console.log(
      `database: ${books.rows} rows = ${books.acknowledged} answered 2xx + ${books.inFlight} ` +
        `in flight when autocannon stopped (≤ ${CONNECTIONS}); ` +
        `2xx not in the database: ${books.missing}; stored twice: ${books.duplicates}; ` +
        `rows never sent: ${books.unexplained}`,
    );
    console.log(`server exit code after SIGTERM: ${exitCode}`);
    const lost = books.missing + books.duplicates + books.unexplained;
    const ok =
      lost === 0 &&
      books.inFlight <= CONNECTIONS &&
      result.non2xx === 0 &&
      rps >= TARGET_RPS &&
      p99 <= TARGET_P99_MS;
    console.log(
      `${ok ? 'PASS' : 'FAIL'}: target ≥ ${TARGET_RPS} req/s, p99 ≤ ${TARGET_P99_MS} ms, 0 lost`,
    );
    process.exitCode = ok ? 0 : 1;
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
