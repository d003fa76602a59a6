import { randomBytes, randomUUID } from 'node:crypto';

/**
 * Request ids such as `BOS-7K3MQ9XD`: the city prefix and 8 Crockford base32 characters, i.e.
 * 40 random bits. Short enough to read over the phone (no I, L, O or U to mishear), and with
 * about 10^12 possible ids, a stranger guessing at the lookup rate limit (120 a minute) would
 * need centuries to hit one of even a million stored requests. Ids are random, not sequential,
 * so they also reveal nothing about how many requests there are.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

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

/**
 * An id as a person might read it back ("bos 7k3m q9xd", "BOS-7K3MQ9XO"): case, spaces and
 * dashes do not matter, and O, I and L mean 0, 1 and 1 as in Crockford's base32.
 */
export function normaliseRequestId(input: string, prefix: string): string {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  const rest = compact.startsWith(prefix) ? compact.slice(prefix.length) : compact;
  const mapped = rest.replace(/O/g, '0').replace(/[IL]/g, '1');
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(mapped) ? `${prefix}-${mapped}` : input;
}

/** Batch-style tokens: opaque, unguessable. They lead only to an id, never to personal data. */
export function newToken(): string {
  return randomUUID();
}
