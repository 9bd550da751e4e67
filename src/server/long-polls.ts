/**
 * A bound on knock long-polls held open at once, per identity and in all, so a flood of waiting requests cannot starve
 * the rest of the endpoint. This is a resource limit of one process (each instance holds its own requests), not a
 * decision about anyone's rights.
 */
import { ApiError } from './errors.js';

export interface LongPollLimits {
  /** Long-polls one identity may hold open at once (a guest needs one; a few tabs, a few). */
  perIdentity: number;
  /** Long-polls one instance holds open at once. */
  total: number;
}

export const DEFAULT_LONG_POLL_LIMITS: LongPollLimits = { perIdentity: 4, total: 2000 };

/** Seconds a refused long-poll is told to wait: about one ordinary poll. */
const RETRY_AFTER_SECONDS = 2;

export class LongPollSlots {
  private readonly byIdentity = new Map<string, number>();
  private open = 0;

  constructor(private readonly limits: LongPollLimits) {}

  /** Long-polls held open now (the `hashdrop_knocks_waiting` gauge). */
  get held(): number {
    return this.open;
  }

  /** Takes a slot for `identity`, or throws 429 (this identity holds too many) / 503 (the instance is full). */
  acquire(identity: string): () => void {
    const held = this.byIdentity.get(identity) ?? 0;
    const retry = { 'retry-after': String(RETRY_AFTER_SECONDS) };
    if (held >= this.limits.perIdentity) {
      throw new ApiError('RATE_LIMITED', 'Too many open waits for this identity; poll again shortly.', retry);
    }
    if (this.open >= this.limits.total) {
      throw new ApiError('OVERLOADED', 'The endpoint is holding too many waits; poll again shortly.', retry);
    }
    this.byIdentity.set(identity, held + 1);
    this.open += 1;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.open -= 1;
      const left = (this.byIdentity.get(identity) ?? 1) - 1;
      if (left > 0) this.byIdentity.set(identity, left);
      else this.byIdentity.delete(identity);
    };
  }
}
