import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { adminExport, body, tempDir } from './intake-helpers.ts';

/**
 * Crash test: a burst of submissions, `kill -9` in the middle of it, a restart on the same
 * SQLite file, and a retry of everything unanswered with the same idempotency keys. Every
 * request that got a 2xx must be there, and every request must be there exactly once.
 */

const ROOT = new URL('../..', import.meta.url).pathname;
const NODE = join(ROOT, 'node_modules/.bin/node');
const ADMIN_TOKEN = 'crash-test-admin-token';
const TOTAL = 600;
const WORKERS = 32;
const KILL_AFTER = 150;

interface Running {
  child: ChildProcess;
  url: string;
  origin: string;
}

/** Starts `node src/intake/server.ts` and waits for the line that gives its address. */
function startChild(dbPath: string): Promise<Running> {
  const child = spawn(NODE, ['src/intake/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      INTAKE_PORT: '0',
      INTAKE_HOST: '127.0.0.1',
      INTAKE_DB: dbPath,
      INTAKE_ADMIN_TOKEN: ADMIN_TOKEN,
      INTAKE_RATE_LIMIT: 'off',
      INTAKE_LOOKUP_RATE_LIMIT: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 15 s')), 15_000);
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      output += chunk;
      const match = /on (http:\/\/[^\s]+\/open311\/v2)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1]!, origin: new URL(match[1]!).origin });
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before starting: ${output}`));
    });
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const note = (i: number) => `crash test request number ${i}`;
const key = (i: number) => `crash-${i}-5f0c2a`;

async function submit(
  url: string,
  i: number,
  timeoutMs = 10_000,
): Promise<{ status: number; id?: string }> {
  const response = await fetch(`${url}/requests.json`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
      'Idempotency-Key': key(i),
    },
    body: body({ 'attribute[notes]': note(i) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (response.status !== 201) return { status: response.status };
  const [first] = (await response.json()) as Array<{ service_request_id: string }>;
  return { status: 201, id: first!.service_request_id };
}

describe('intake crash test', () => {
  const { dir, remove } = tempDir();
  const dbPath = join(dir, 'intake.sqlite');
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    remove();
  });

  it('loses no acknowledged request and stores none twice across kill -9', async () => {
    const first = await startChild(dbPath);
    children.push(first.child);
    const answered = new Map<number, string>();
    const failed = new Set<number>();
    let next = 0;
    let killed = false;

    // A steady stream from concurrent clients; SIGKILL once KILL_AFTER answers are in.
    async function worker() {
      while (!killed && next < TOTAL) {
        const i = next++;
        try {
          // Every 7th client gives up after 2 ms, as a phone losing its bar does: the server
          // may well have committed it, and only the retry with the same key can tell.
          const result = await submit(first.url, i, i % 7 === 3 ? 2 : 10_000);
          if (result.id) answered.set(i, result.id);
          else failed.add(i);
        } catch {
          failed.add(i); // reset by the kill or given up: maybe stored, maybe not
        }
        if (!killed && answered.size >= KILL_AFTER) {
          killed = true;
          first.child.kill('SIGKILL');
        }
      }
    }
    await Promise.all(Array.from({ length: WORKERS }, worker));
    await exited(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');
    const sentBeforeKill = next;

    const second = await startChild(dbPath);
    children.push(second.child);
    const committedBeforeKill = (await adminExport(second.origin, ADMIN_TOKEN)).length;
    // Every 2xx survived the crash.
    expect(committedBeforeKill).toBeGreaterThanOrEqual(answered.size);

    // Retry everything not acknowledged (same key, same body), and send the rest.
    const replayedIds = new Map<number, string>();
    const retry = [
      ...failed,
      ...Array.from({ length: TOTAL - sentBeforeKill }, (_, k) => sentBeforeKill + k),
    ];
    for (let start = 0; start < retry.length; start += WORKERS) {
      await Promise.all(
        retry.slice(start, start + WORKERS).map(async (i) => {
          const result = await submit(second.url, i);
          expect(result.status).toBe(201);
          replayedIds.set(i, result.id!);
        }),
      );
    }
    // Re-sending an acknowledged request gives back the same id.
    for (const [i, id] of [...answered].slice(0, 20)) {
      expect((await submit(second.url, i)).id).toBe(id);
    }

    const rows = await adminExport(second.origin, ADMIN_TOKEN);
    const byNote = new Map<string, string[]>();
    for (const row of rows) {
      const text = String(row.attributes.notes);
      byNote.set(text, [...(byNote.get(text) ?? []), row.service_request_id]);
    }
    expect(rows.length).toBe(TOTAL);
    for (let i = 0; i < TOTAL; i += 1) expect(byNote.get(note(i))).toHaveLength(1);
    for (const [i, id] of answered) expect(byNote.get(note(i))).toEqual([id]);
    for (const [i, id] of replayedIds) expect(byNote.get(note(i))).toEqual([id]);

    // A graceful stop: SIGTERM, exit 0, a database SQLite finds intact.
    second.child.kill('SIGTERM');
    expect(await exited(second.child)).toBe(0);
    const db = new DatabaseSync(dbPath);
    expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    db.close();

    const unanswered = committedBeforeKill - answered.size;
    console.log(
      `crash test: ${sentBeforeKill} sent before kill -9, ${answered.size} acknowledged, ` +
        `${failed.size} cut off (${unanswered} of them committed without an answer), ` +
        `after restart and retry: ${rows.length} rows for ${TOTAL} requests, 0 lost, 0 twice`,
    );
  }, 60_000);
});
