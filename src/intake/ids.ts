import { randomBytes, randomUUID } from 'node:crypto';
import { CROCKFORD } from '../domain/callback/request-id.ts';

/**
 * Request ids such as `REQ-7K3MQ9XD`: the deployment's prefix and 8 Crockford base32 characters,
 * i.e. 40 random bits. Short enough to read over the phone (no I, L, O or U to mishear), and with
 * about 10^12 possible ids, a stranger guessing at the lookup rate limit (120 a minute) would
 * need centuries to hit one of even a million stored requests. Ids are random, not sequential,
 * so they also reveal nothing about how many requests there are. Read back forgivingly by
 * normaliseRequestId in src/domain/callback/request-id.ts, which the status page uses too.
 */
export function newRequestId(prefix: string): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < 8; i += 1) {
    text = CROCKFORD[Number(bits & 31n)]! + text;
    bits >>= 5n;
  }
  return `${prefix}-${text}`;
}

/** Batch-style tokens: opaque, unguessable. They lead only to an id, never to personal data. */
export function newToken(): string {
  return randomUUID();
}
