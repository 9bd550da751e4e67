/**
 * Fixed-window counters per key (an identity or an IP), in memory. Each instance counts on its own; behind several
 * instances the effective limit is the per-instance limit times the instance count, which is still a bound on guessing.
 *
 * Four kinds of request are counted, each per identity and per IP:
 * - attempts: join, knock, claim-host, raising a hand;
 * - lookups: reading a room one does not host (a room code is a guessable word pair, so lookups are what an
 *   enumeration would spend);
 * - reactions: emoji sent to a call (their own, shorter window);
 * - creations: new rooms and new anonymous identities (an identity has no caller yet, so only its IP counts).
 */
export interface RateLimitRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  /** Join / knock / claim-host / hand attempts. */
  perIdentity?: RateLimitRule;
  perIp?: RateLimitRule;
  /** Room lookups by someone who does not host the room. */
  lookupsPerIdentity?: RateLimitRule;
  lookupsPerIp?: RateLimitRule;
  /** New rooms (per identity and IP) and new anonymous identities (per IP). */
  createsPerIdentity?: RateLimitRule;
  createsPerIp?: RateLimitRule;
  /** Reactions sent to a call: a burst is fine, a flood over everyone's screen is not. */
  reactionsPerIdentity?: RateLimitRule;
  reactionsPerIp?: RateLimitRule;
}

const MINUTE = 60_000;

export const DEFAULT_RATE_LIMIT: Required<RateLimitOptions> = {
  perIdentity: { limit: 20, windowMs: MINUTE },
  perIp: { limit: 120, windowMs: MINUTE },
  lookupsPerIdentity: { limit: 30, windowMs: MINUTE },
  lookupsPerIp: { limit: 120, windowMs: MINUTE },
  createsPerIdentity: { limit: 20, windowMs: MINUTE },
  createsPerIp: { limit: 60, windowMs: MINUTE },
  reactionsPerIdentity: { limit: 10, windowMs: 10_000 },
  reactionsPerIp: { limit: 60, windowMs: 10_000 },
};

export type RateLimitKind = 'attempt' | 'lookup' | 'create' | 'reaction';

/** One identity limiter and one IP limiter per kind of request. */
export class RateLimits {
  private readonly limiters: Record<RateLimitKind, { identity: RateLimiter; ip: RateLimiter }>;

  constructor(rules: Required<RateLimitOptions>) {
    this.limiters = {
      attempt: { identity: new RateLimiter(rules.perIdentity), ip: new RateLimiter(rules.perIp) },
      lookup: { identity: new RateLimiter(rules.lookupsPerIdentity), ip: new RateLimiter(rules.lookupsPerIp) },
      create: { identity: new RateLimiter(rules.createsPerIdentity), ip: new RateLimiter(rules.createsPerIp) },
      reaction: { identity: new RateLimiter(rules.reactionsPerIdentity), ip: new RateLimiter(rules.reactionsPerIp) },
    };
  }

  /** Counts one request of `kind`; returns 0 when allowed or the milliseconds to wait when over either limit. */
  hit(kind: RateLimitKind, identity: string | null, ip: string | null): number {
    const { identity: byIdentity, ip: byIp } = this.limiters[kind];
    return Math.max(identity ? byIdentity.hit(identity) : 0, ip ? byIp.hit(ip) : 0);
  }
}

export class RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();
  private lastSweep = 0;

  constructor(private readonly rule: RateLimitRule) {}

  /** Counts one attempt; returns 0 when allowed or the milliseconds to wait when over the limit. */
  hit(key: string, now = Date.now()): number {
    this.sweep(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.rule.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return 0;
    }
    window.count += 1;
    return window.count > this.rule.limit ? window.start + this.rule.windowMs - now : 0;
  }

  /** Drops finished windows now and then, so memory stays bounded by the keys of one window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.rule.windowMs) return;
    this.lastSweep = now;
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.rule.windowMs) this.windows.delete(key);
    }
  }
}
