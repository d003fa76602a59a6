import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IntakeOptions } from '../../src/intake/config.ts';
import { startIntakeServer, type IntakeServer } from '../../src/intake/server.ts';

export const API_KEY = 'dev-public-web-client';
export const ADMIN_TOKEN = 'test-admin-token-0123456789';
export const ALLOWED_ORIGIN = 'http://localhost:4321';

/**
 * The deployment the intake tests run against, whichever is selected: their requests are
 * Boston's (ZIP areas, 617 numbers, BOS- ids), the server code they test is every deployment's.
 */
export const BOSTON_CONTENT = fileURLToPath(new URL('../../content/boston', import.meta.url));

/** A temporary folder for a database file, removed by the returned function. */
export function tempDir(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'intake-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A real server on a free loopback port with a real SQLite file. */
export async function startTestServer(
  options: Partial<IntakeOptions> = {},
): Promise<IntakeServer & { dbPath: string; logs: string[]; cleanup: () => Promise<void> }> {
  const { dir, remove } = tempDir();
  const logs: string[] = [];
  const dbPath = options.dbPath ?? join(dir, 'intake.sqlite');
  const server = await startIntakeServer({
    port: 0,
    host: '127.0.0.1',
    adminToken: ADMIN_TOKEN,
    rateLimit: null,
    lookupRateLimit: null,
    log: (line) => logs.push(line),
    contentDir: BOSTON_CONTENT,
    ...options,
    dbPath,
  });
  return {
    ...server,
    dbPath,
    logs,
    cleanup: async () => {
      await server.close();
      remove();
    },
  };
}

/** The form fields of a valid request as an Open311 body, with changes. */
export function body(changes: Record<string, string | null> = {}): string {
  const params = new URLSearchParams({
    api_key: API_KEY,
    service_code: 'recovery-callback',
    first_name: 'Dana',
    phone: '617-555-0123',
    description: 'Callback requested from the recovery services finder',
    'attribute[for]': 'someone-else',
    'attribute[phone_owner]': 'theirs',
    'attribute[voicemail_ok]': 'no',
    'attribute[text_ok]': 'yes',
    'attribute[best_time]': 'weekday-morning',
    'attribute[language]': 'es',
    'attribute[area]': '02125',
    'attribute[notes]': 'She works nights, call after noon',
    'attribute[consent]': 'yes',
  });
  params.append('attribute[paths][]', 'detox');
  params.append('attribute[paths][]', 'methadone');
  for (const [name, value] of Object.entries(changes)) {
    if (value === null) params.delete(name);
    else params.set(name, value);
  }
  return params.toString();
}

export function post(
  url: string,
  text: string,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/requests.json`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8', ...headers },
    body: text,
  });
}

export interface AdminRequest {
  service_request_id: string;
  phone: string;
  first_name: string | null;
  attributes: Record<string, string | string[]>;
}

export async function adminExport(origin: string, token = ADMIN_TOKEN): Promise<AdminRequest[]> {
  const response = await fetch(`${origin}/admin/requests.json`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`admin export: ${response.status}`);
  return (await response.json()) as AdminRequest[];
}
