// Crockford's base32: no I, L, O or U, so a code read aloud over the phone is not misheard.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** FNV-1a, 32 bits: tiny, stable across platforms, and good enough to spread slugs evenly. */
function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/**
 * A short, stable code for a provider id, for links short enough to text ("/es/p/4k7q2mz/").
 * Seven base32 characters (35 bits) from two differently seeded hashes: the chance that two
 * of 15,000 providers share one is about 1 in 300, and the build fails if they ever do.
 */
export function shortCode(id: string): string {
  const high = fnv1a(id);
  const low = fnv1a(id, 0x9e3779b9);
  let value = (BigInt(high) << 32n) | BigInt(low);
  let code = '';
  for (let i = 0; i < 7; i++) {
    code = ALPHABET[Number(value & 31n)]! + code;
    value >>= 5n;
  }
  return code;
}

/** Short codes for every id; throws on a collision so a link never points at the wrong place. */
export function shortCodes(ids: readonly string[]): Map<string, string> {
  const byCode = new Map<string, string>();
  for (const id of ids) {
    const code = shortCode(id);
    const other = byCode.get(code);
    if (other && other !== id)
      throw new Error(`Short code ${code} is shared by "${other}" and "${id}": rename one id.`);
    byCode.set(code, id);
  }
  return byCode;
}
