/**
 * Request ids as the local intake server gives them, `REQ-7K3MQ9XD`: the deployment's prefix
 * (site.yaml `intake.request_id_prefix`) and 8 characters of Crockford's base32, which leaves
 * out I, L, O and U so an id read over the phone is not misheard. The server makes them
 * (src/intake/ids.ts); the server and the status page read them back the same forgiving way.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** How many base32 characters follow the prefix. */
export const REQUEST_ID_LENGTH = 8;

const BODY = new RegExp(`^[${CROCKFORD}]{${REQUEST_ID_LENGTH}}$`);

// Spaces of every kind, the dashes a keyboard or a word processor makes, the minus sign, and
// the dots and underscores people put between groups when they copy an id down.
const SEPARATORS = /[\s\p{Pd}\u2212._]/gu;

/** Crockford's reading of look-alikes: O is 0, I and L are 1. */
function readLookAlikes(text: string): string {
  return text.replace(/O/g, '0').replace(/[IL]/g, '1');
}

/**
 * The id a person meant, or null when what they typed cannot be one of ours. Case, spaces and
 * dashes do not matter, the prefix may be left out, O, I and L are read as 0, 1 and 1 (in the
 * prefix too: "B0S" for "BOS"), and full-width letters from a Chinese or Japanese keyboard
 * count as the letters they look like.
 */
export function parseRequestId(input: string, prefix: string): string | null {
  const compact = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  const wantedPrefix = prefix.toUpperCase();
  let body: string;
  if (compact.length === REQUEST_ID_LENGTH) body = compact;
  else if (
    compact.length === wantedPrefix.length + REQUEST_ID_LENGTH &&
    readLookAlikes(compact.slice(0, wantedPrefix.length)) === readLookAlikes(wantedPrefix)
  )
    body = compact.slice(wantedPrefix.length);
  else return null;
  const mapped = readLookAlikes(body);
  return BODY.test(mapped) ? `${wantedPrefix}-${mapped}` : null;
}

/**
 * An id as a person might read it back ("req 7k3m q9xd", "REQ-7K3MQ9XO") in the form the
 * server stores; anything else comes back as it was given, trimmed, so an id in another
 * system's form (a city's own 311 numbers) is still looked up as typed.
 */
export function normaliseRequestId(input: string, prefix: string): string {
  return parseRequestId(input, prefix) ?? input.trim();
}
