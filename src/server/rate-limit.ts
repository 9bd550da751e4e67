/**
 * Fixed-window counters per key (an identity or an IP), in memory. Each instance counts on its own; behind several
 * instances the effective limit is the per-instance limit times the instance count, which is still a bound on guessing.
 */
export interface RateLimitRule {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

export interface RateLimitOptions {
  perIdentity?: RateLimitRule;
  perIp?: RateLimitRule;
}

export const DEFAULT_RATE_LIMIT: Required<RateLimitOptions> = {
  perIdentity: { limit: 20, windowMs: 60_000 },
  perIp: { limit: 120, windowMs: 60_000 },
};

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
