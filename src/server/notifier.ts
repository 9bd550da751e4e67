/**
 * How a settled knock wakes the long-polls waiting on it. A route settles the knock in the store first, then calls
 * `notify`; every `wait` for that knock — in this process, and with a shared store in every other instance — returns,
 * and the waiter re-reads the store. A notification carries no decision, only "look again", so a lost or repeated one
 * costs at most one read: the long-poll's slow periodic re-check stays as the safety net.
 *
 * `LocalKnockNotifier` is the single-process kind (SQLite); the store kind supplies a cluster-wide one
 * (`Store.openKnockNotifier`, PostgreSQL's LISTEN/NOTIFY in store/pg-notifier.ts).
 */
import { EventEmitter } from 'node:events';

export interface KnockNotifier {
  /** The knock changed in the store (the write has committed): wake whoever waits on it, here and elsewhere. */
  notify(knockId: string): void;
  /** Resolves on a notification for `knockId`, after `ms`, or when `signal` aborts — whichever comes first. */
  wait(knockId: string, ms: number, signal?: AbortSignal): Promise<void>;
  /** Stops listening (shutdown); waits in progress resolve at their own deadline or signal. */
  close(): Promise<void>;
}

export class LocalKnockNotifier implements KnockNotifier {
  private readonly events = new EventEmitter();

  constructor() {
    // Many guests may wait at once; each waiter adds one listener for at most one poll interval.
    this.events.setMaxListeners(0);
  }

  notify(knockId: string): void {
    this.events.emit(knockId);
  }

  wait(knockId: string, ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.events.off(knockId, done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.events.on(knockId, done);
      if (signal?.aborted) done();
      else signal?.addEventListener('abort', done, { once: true });
    });
  }

  async close(): Promise<void> {}
}
