// The intake server's settings as read from environment variables (no server started).
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/intake/config.ts';
import { API_KEY } from './intake-helpers.ts';

describe('intake settings from the environment', () => {
  it('has development defaults', () => {
    const options = configFromEnv({});
    expect(options).toMatchObject({
      port: 8311,
      host: '127.0.0.1',
      dbPath: '.intake/intake.sqlite',
      apiKey: API_KEY,
      adminToken: 'dev-admin-token',
      allowedOrigins: ['http://localhost:4321', 'http://127.0.0.1:4321'],
    });
    // Left to the deployment: site.yaml's intake.request_id_prefix.
    expect(options.idPrefix).toBeUndefined();
  });

  it('refuses to start in production with the development admin token', () => {
    expect(() => configFromEnv({ NODE_ENV: 'production' })).toThrow(/INTAKE_ADMIN_TOKEN/);
    const token = 'a-long-random-production-token';
    expect(configFromEnv({ NODE_ENV: 'production', INTAKE_ADMIN_TOKEN: token }).adminToken).toBe(
      token,
    );
  });

  it('reads every setting', () => {
    const options = configFromEnv({
      INTAKE_PORT: '9000',
      INTAKE_HOST: '::1',
      INTAKE_DB: '/tmp/x.sqlite',
      INTAKE_API_KEY: 'k',
      INTAKE_ALLOWED_ORIGINS: 'https://a.example, https://b.example',
      INTAKE_RATE_LIMIT: 'off',
      INTAKE_LOOKUP_RATE_LIMIT: '10/60',
      INTAKE_ID_PREFIX: 'XYZ',
    });
    expect(options).toMatchObject({
      port: 9000,
      host: '::1',
      dbPath: '/tmp/x.sqlite',
      apiKey: 'k',
      allowedOrigins: ['https://a.example', 'https://b.example'],
      rateLimit: null,
      lookupRateLimit: { limit: 10, windowMs: 60_000 },
      idPrefix: 'XYZ',
    });
    expect(() => configFromEnv({ INTAKE_PORT: 'eighty' })).toThrow();
  });
});
