import type { CallStateStore } from './store/types.js';

/**
 * Fixed-window counters per key (an identity or an IP), kept in the store: every instance counts into the same
 * counters, so the documented limits hold for the whole cluster, however many instances share the database.
 *
 * Four kinds of request are counted, each per identity and per IP:
 * - attempts: join, knock, claim-host, raising a hand, a host asking someone to unmute, a pre-call check's token;
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
  /** Join / knock / claim-host / hand / ask-to-unmute attempts. */
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

/** Where the counters live (the store). */
export type CounterStore = Pick<CallStateStore, 'hitCounter' | 'sweepCounters'>;

/** One identity rule and one IP rule per kind of request, counted in the store. */
export class RateLimits {
  private readonly rules: Record<RateLimitKind, { identity: RateLimitRule; ip: RateLimitRule }>;
  private readonly longestWindowMs: number;
  private lastSweep = 0;

  constructor(
    rules: Required<RateLimitOptions>,
    private readonly counters: CounterStore,
  ) {
    this.rules = {
      attempt: { identity: rules.perIdentity, ip: rules.perIp },
      lookup: { identity: rules.lookupsPerIdentity, ip: rules.lookupsPerIp },
      create: { identity: rules.createsPerIdentity, ip: rules.createsPerIp },
      reaction: { identity: rules.reactionsPerIdentity, ip: rules.reactionsPerIp },
    };
    this.longestWindowMs = Math.max(...Object.values(rules).map((rule) => rule.windowMs));
  }

  /** Counts one request of `kind`; resolves 0 when allowed or the milliseconds to wait when over either limit. */
  async hit(kind: RateLimitKind, identity: string | null, ip: string | null, now = Date.now()): Promise<number> {
    const rules = this.rules[kind];
    const [byIdentity, byIp] = await Promise.all([
      identity ? this.count(`${kind}:id:${identity}`, rules.identity, now) : 0,
      ip ? this.count(`${kind}:ip:${ip}`, rules.ip, now) : 0,
    ]);
    this.sweep(now);
    return Math.max(byIdentity, byIp);
  }

  private async count(key: string, rule: RateLimitRule, now: number): Promise<number> {
    const { count, windowStart } = await this.counters.hitCounter(key, rule.windowMs, now);
    return count > rule.limit ? Math.max(1, windowStart + rule.windowMs - now) : 0;
  }

  /** Drops finished windows now and then (in the background), so the table stays bounded by one window's keys. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.longestWindowMs) return;
    this.lastSweep = now;
    this.counters.sweepCounters(now - this.longestWindowMs).catch(() => {});
  }
}
