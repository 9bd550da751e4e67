/**
 * Knock notifications across endpoint instances on one PostgreSQL: LISTEN/NOTIFY on one channel. Each instance keeps
 * one dedicated listening connection (a pooled one would be handed back and stop listening) and sends NOTIFY through
 * its pool once the decision's write has committed. Waiters in this process are woken at once, without the round
 * trip; a notification that comes back from this same instance is skipped.
 *
 * While the listening connection is down, notifications from other instances are missed: it reconnects with a
 * growing delay, and on every (re)connect wakes all local waiters once, so each re-reads the store instead of waiting
 * for the long-poll's slow safety-net re-check.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '../logger.js';
import { LocalKnockNotifier, type KnockNotifier, type KnockWatch } from '../notifier.js';

/** The one channel every instance listens on; the payload is `<instance>:<knockId>`. */
export const KNOCK_CHANNEL = 'hashdrop_knocks';
const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5000;

export class PostgresKnockNotifier implements KnockNotifier {
  private readonly local = new LocalKnockNotifier();
  private readonly instance = randomBytes(6).toString('hex');
  private readonly waiting = new Map<string, number>();
  private client: pg.Client | null = null;
  private closed = false;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private delay = RECONNECT_MIN_MS;
  /** Resolves once the first LISTEN succeeded (or the notifier was closed). */
  readonly listening: Promise<void>;
  private markListening: () => void = () => {};

  constructor(
    private readonly connectionString: string,
    private readonly pool: pg.Pool,
    private readonly logger: Logger,
  ) {
    this.listening = new Promise((resolve) => (this.markListening = resolve));
    void this.connect();
  }

  notify(knockId: string): void {
    this.local.notify(knockId);
    this.pool.query('select pg_notify($1, $2)', [KNOCK_CHANNEL, `${this.instance}:${knockId}`]).catch((error) => {
      // Other instances then learn of it by their periodic re-check; nothing is lost but time.
      this.logger.warn('could not send a knock notification', { error: (error as Error).message });
    });
  }

  watch(knockId: string): KnockWatch {
    this.waiting.set(knockId, (this.waiting.get(knockId) ?? 0) + 1);
    const watch = this.local.watch(knockId);
    let stopped = false;
    return {
      next: (ms, signal) => watch.next(ms, signal),
      stop: () => {
        if (stopped) return;
        stopped = true;
        watch.stop();
        const left = (this.waiting.get(knockId) ?? 1) - 1;
        if (left > 0) this.waiting.set(knockId, left);
        else this.waiting.delete(knockId);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    this.markListening();
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new pg.Client({ connectionString: this.connectionString, keepAlive: true });
    client.on('notification', (message) => {
      const payload = message.payload ?? '';
      const separator = payload.indexOf(':');
      if (separator < 0 || payload.slice(0, separator) === this.instance) return;
      this.local.notify(payload.slice(separator + 1));
    });
    // A dropped connection reports an error and then ends; reconnect once, on the end.
    client.on('error', () => {});
    client.on('end', () => {
      if (this.client === client) this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`listen ${KNOCK_CHANNEL}`);
    } catch (error) {
      this.logger.warn('knock notifications: could not listen, retrying', { error: (error as Error).message });
      await client.end().catch(() => {});
      this.scheduleReconnect();
      return;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.delay = RECONNECT_MIN_MS;
    this.markListening();
    // Whatever was decided while nobody listened: every local watch looks at the store once.
    for (const knockId of [...this.waiting.keys()]) this.local.notify(knockId);
  }

  private scheduleReconnect(): void {
    this.client = null;
    if (this.closed || this.reconnectTimer) return;
    const delay = this.delay;
    this.delay = Math.min(this.delay * 2, RECONNECT_MAX_MS);
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      void this.connect();
    }, delay);
    this.reconnectTimer.unref();
  }
}
