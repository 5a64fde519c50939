/** A token bucket: `capacity` actions at once, refilled by one every `refillMs`. */
export interface BucketOptions {
  capacity: number;
  refillMs: number;
}

/** Limits for questions, per user and per channel. */
export interface RateLimitOptions {
  user: BucketOptions;
  channel: BucketOptions;
  /** Most buckets kept; the stalest are dropped beyond this (a dropped bucket counts as full). */
  maxKeys?: number;
}

/** The default limits: 5 questions at once per user then one every 12 s; 15 per channel then one every 4 s. */
export const DEFAULT_RATE_LIMITS: RateLimitOptions = {
  user: { capacity: 5, refillMs: 12_000 },
  channel: { capacity: 15, refillMs: 4_000 },
  maxKeys: 10_000,
};

/** The outcome of {@link RateLimiter.take}. */
export type RateDecision = { ok: true } | { ok: false; retryAfterMs: number; scope: 'user' | 'channel' };

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets per user and per channel, with an injected clock so that it is testable.
 * `take` consumes from both buckets only when both have a token.
 */
export class RateLimiter {
  readonly #opts: RateLimitOptions;
  readonly #now: () => number;
  readonly #buckets = new Map<string, Bucket>();

  constructor(opts: RateLimitOptions = DEFAULT_RATE_LIMITS, now: () => number = Date.now) {
    this.#opts = opts;
    this.#now = now;
  }

  #level(key: string, o: BucketOptions, t: number): Bucket {
    const b = this.#buckets.get(key);
    if (!b) return { tokens: o.capacity, at: t };
    const refilled = Math.min(o.capacity, b.tokens + Math.max(0, t - b.at) / o.refillMs);
    return { tokens: refilled, at: t };
  }

  /** Tries to spend one token for the user and one for the channel. */
  take(userId: string, channelId: string | null): RateDecision {
    const t = this.#now();
    const checks: [string, BucketOptions, 'user' | 'channel'][] = [[`u:${userId}`, this.#opts.user, 'user']];
    if (channelId) checks.push([`c:${channelId}`, this.#opts.channel, 'channel']);
    const levels = checks.map(([k, o]) => this.#level(k, o, t));
    for (let i = 0; i < checks.length; i += 1) {
      const lvl = levels[i]!;
      const [, o, scope] = checks[i]!;
      if (lvl.tokens < 1) return { ok: false, retryAfterMs: Math.ceil((1 - lvl.tokens) * o.refillMs), scope };
    }
    checks.forEach(([k], i) => {
      this.#buckets.delete(k);
      this.#buckets.set(k, { tokens: levels[i]!.tokens - 1, at: t });
    });
    this.#prune();
    return { ok: true };
  }

  #prune(): void {
    const max = this.#opts.maxKeys ?? 10_000;
    while (this.#buckets.size > max) {
      const oldest = this.#buckets.keys().next().value as string;
      this.#buckets.delete(oldest);
    }
  }

  /** How many buckets are held (for tests). */
  get size(): number {
    return this.#buckets.size;
  }
}
