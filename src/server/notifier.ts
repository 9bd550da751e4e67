/**
 * Wakes long-polling knock requests the moment something changes in this process. Another instance's change (on
 * PostgreSQL) is caught by the long-poll's own short re-check of the store, so the notifier is a fast path only.
 */
import { EventEmitter } from 'node:events';

export class KnockNotifier {
  private readonly events = new EventEmitter();

  constructor() {
    // Many guests may wait at once; each waiter adds one listener for at most one poll interval.
    this.events.setMaxListeners(0);
  }

  notify(knockId: string): void {
    this.events.emit(knockId);
  }

  /** Resolves on a notification for `knockId`, after `ms`, or when `signal` aborts — whichever comes first. */
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
      signal?.addEventListener('abort', done, { once: true });
    });
  }
}
