import { fileURLToPath } from 'node:url';
import { deploymentDir } from '../deployment.ts';
import { parseRateLimit, type RateLimit } from './rate-limit.ts';

/** Everything `startIntakeServer` can be told; `configFromEnv` fills it from the environment. */
export interface IntakeOptions {
  /** 0 picks a free port (tests). */
  port?: number;
  host?: string;
  /** SQLite file; its folder is created if missing. */
  dbPath: string;
  /** The api key the public web client sends (site.yaml's `intake.api_key`). */
  apiKey?: string;
  /** Bearer token for the specialists' queue. */
  adminToken?: string;
  /** Origins whose pages may call the API from a browser. */
  allowedOrigins?: readonly string[];
  /** The deployment's content folder (site.yaml, paths/); by default `DEPLOYMENT`'s. */
  contentDir?: string;
  /** Submissions per client; null for none (benchmarks). */
  rateLimit?: RateLimit | null;
  /** Status look-ups per client, so request ids cannot be enumerated quickly. */
  lookupRateLimit?: RateLimit | null;
  bodyLimitBytes?: number;
  /**
   * Group commit: how long the first request of a batch waits for others before the batch is
   * committed. 0 commits whatever arrived in the same turn of the event loop.
   */
  groupCommitWindowMs?: number;
  /** Request ids look like `${idPrefix}-7K3MQ9XD`; by default site.yaml's `request_id_prefix`. */
  idPrefix?: string;
  /**
   * The endpoint's address as clients reach it, for the discovery document (behind a proxy it
   * differs from the address listened on, which is the default).
   */
  publicUrl?: string;
  /** Discovery's endpoint `type`: `production` when requests are acted on, else `test`. */
  endpointType?: 'production' | 'test';
  /** Where access lines go (method, route, status, duration; never data); false for none. */
  log?: ((line: string) => void) | false;
  /** For tests of times. */
  now?: () => Date;
}

export const DEV_API_KEY = 'dev-public-web-client';
export const DEV_ADMIN_TOKEN = 'dev-admin-token';

export const DEFAULTS = {
  port: 8311,
  host: '127.0.0.1',
  dbPath: '.intake/intake.sqlite',
  apiKey: DEV_API_KEY,
  adminToken: DEV_ADMIN_TOKEN,
  allowedOrigins: ['http://localhost:4321', 'http://127.0.0.1:4321'],
  rateLimit: '20/600',
  lookupRateLimit: '120/60',
  bodyLimitBytes: 16 * 1024,
  groupCommitWindowMs: 0,
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/** The project's root, whatever the working directory the server was started from. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The selected deployment's content folder (`DEPLOYMENT`, see src/deployment.ts). */
export function defaultContentDir(env: Env = process.env): string {
  return deploymentDir({ env, root: PROJECT_ROOT });
}

function port(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65_535) {
    throw new Error(`INTAKE_PORT must be a port number, not "${text}"`);
  }
  return value;
}

function publicUrl(text: string): string {
  if (!URL.canParse(text)) throw new Error(`INTAKE_PUBLIC_URL must be a URL, not "${text}"`);
  return text.replace(/\/+$/, '');
}

/**
 * Options from the environment, with the development defaults of src/intake/README.md.
 * Refuses the development admin token in production: it is written in this repository.
 */
export function configFromEnv(env: Env): IntakeOptions {
  const adminToken = env.INTAKE_ADMIN_TOKEN || DEFAULTS.adminToken;
  if (env.NODE_ENV === 'production') {
    if (adminToken === DEV_ADMIN_TOKEN) {
      throw new Error('Set INTAKE_ADMIN_TOKEN: the development token is public');
    }
    if (adminToken.length < 24) {
      throw new Error('INTAKE_ADMIN_TOKEN must be at least 24 characters in production');
    }
  }
  const origins = env.INTAKE_ALLOWED_ORIGINS ?? DEFAULTS.allowedOrigins.join(',');
  return {
    contentDir: defaultContentDir(env),
    port: port(env.INTAKE_PORT || String(DEFAULTS.port)),
    host: env.INTAKE_HOST || DEFAULTS.host,
    dbPath: env.INTAKE_DB || DEFAULTS.dbPath,
    apiKey: env.INTAKE_API_KEY || DEFAULTS.apiKey,
    adminToken,
    allowedOrigins: origins
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    rateLimit: parseRateLimit(env.INTAKE_RATE_LIMIT || DEFAULTS.rateLimit),
    lookupRateLimit: parseRateLimit(env.INTAKE_LOOKUP_RATE_LIMIT || DEFAULTS.lookupRateLimit),
    groupCommitWindowMs: Number(env.INTAKE_GROUP_COMMIT_MS || DEFAULTS.groupCommitWindowMs),
    ...(env.INTAKE_ID_PREFIX ? { idPrefix: env.INTAKE_ID_PREFIX } : {}),
    ...(env.INTAKE_PUBLIC_URL ? { publicUrl: publicUrl(env.INTAKE_PUBLIC_URL) } : {}),
    endpointType: env.NODE_ENV === 'production' ? 'production' : 'test',
  };
}
