/**
 * How a settled knock wakes the long-polls waiting on it. A route settles the knock in the store first, then calls
 * `notify`; every watch on that knock — in this process, and with a shared store in every other instance — wakes,
 * and the long-poll re-reads the store. A notification carries no decision, only "look again", so a repeated one costs
 * one read, and a lost one is caught by the long-poll's slow periodic re-check (the safety net).
 *
 * A long-poll starts watching before it first reads the knock and keeps watching between reads, so a decision made
 * while a read is in flight is never missed: the notification is kept until the next `next()` takes it.
 *
 * `LocalKnockNotifier` is the single-process kind (SQLite); the store kind supplies a cluster-wide one
 * (`Store.openKnockNotifier`, PostgreSQL's LISTEN/NOTIFY in store/pg-notifier.ts).
 */
import { EventEmitter } from 'node:events';

export interface KnockNotifier {
  /** The knock changed in the store (the write has committed): wake whoever watches it, here and elsewhere. */
  notify(knockId: string): void;
  /** Starts watching a knock; notifications from now on are kept until `next()` takes them. Stop it when done. */
  watch(knockId: string): KnockWatch;
  /** Stops listening to other instances (shutdown); local notifications keep working. */
  close(): Promise<void>;
}

export interface KnockWatch {
  /**
   * Resolves true at once if a notification came since the last call, else on the next one; false after `ms` or when
   * `signal` aborts — whichever comes first.
   */
  next(ms: number, signal?: AbortSignal): Promise<boolean>;
  stop(): void;
}

export class LocalKnockNotifier implements KnockNotifier {
  private readonly events = new EventEmitter();

  constructor() {
    // Many guests may wait at once; each long-poll adds one listener while it is held.
    this.events.setMaxListeners(0);
  }

  notify(knockId: string): void {
    this.events.emit(knockId);
  }

  watch(knockId: string): KnockWatch {
    let notified = false;
    let wake: (() => void) | null = null;
    const listener = () => {
      notified = true;
      wake?.();
    };
    this.events.on(knockId, listener);
    return {
      next: (ms, signal) =>
        new Promise<boolean>((resolve) => {
          const done = () => {
            clearTimeout(timer);
            wake = null;
            signal?.removeEventListener('abort', done);
            const result = notified;
            notified = false;
            resolve(result);
          };
          if (notified || signal?.aborted) {
            const result = notified;
            notified = false;
            resolve(result);
            return;
          }
          wake = done;
          const timer = setTimeout(done, ms);
          signal?.addEventListener('abort', done, { once: true });
        }),
      stop: () => {
        this.events.off(knockId, listener);
        wake = null;
      },
    };
  }

  async close(): Promise<void> {}
}
