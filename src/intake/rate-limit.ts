/**
 * Per-client token buckets: `limit` requests, refilled evenly over `windowMs`. In memory, so a
 * restart forgets them, which is fine for a limit meant to stop floods, not to count.
 */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly limit: number;
  private readonly refillPerMs: number;
  private readonly now: () => number;

  constructor(rate: RateLimit, now: () => number = Date.now) {
    this.limit = rate.limit;
    this.refillPerMs = rate.limit / rate.windowMs;
    this.now = now;
  }

  take(client: string): RateDecision {
    const now = this.now();
    const bucket = this.buckets.get(client) ?? { tokens: this.limit, updatedAt: now };
    bucket.tokens = Math.min(
      this.limit,
      bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs,
    );
    bucket.updatedAt = now;
    this.buckets.set(client, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    const waitMs = (1 - bucket.tokens) / this.refillPerMs;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
  }

  /** Drops buckets that have refilled: they hold nothing a new bucket would not. */
  sweep(): void {
    const now = this.now();
    for (const [client, bucket] of this.buckets) {
      if (bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs >= this.limit) {
        this.buckets.delete(client);
      }
    }
  }
}

/** "20/600" → 20 requests per 600 seconds; "off" → no limit. */
export function parseRateLimit(text: string): RateLimit | null {
  if (text.trim() === 'off') return null;
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`Not a rate limit: "${text}" (write COUNT/SECONDS, e.g. 20/600, or off)`);
  }
  return { limit: Number(match[1]), windowMs: Number(match[2]) * 1000 };
}
