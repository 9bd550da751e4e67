/**
 * Prometheus metrics of one handler, in a registry of its own (two handlers in one process never collide, and nothing
 * lands in prom-client's global registry). Labels are operation ids, outcomes and error codes only — never a room,
 * an identity, a name or anything else a participant wrote — so the page holds nothing secret or personal.
 *
 *   hashdrop_joins_total{outcome}                 join answers: admitted, waiting, or the error code
 *   hashdrop_knock_decisions_total{outcome}       hosts' admit / deny decisions (admit-all counts each knock)
 *   hashdrop_knocks_waiting                       knock long-polls this instance holds open now
 *   hashdrop_http_request_duration_seconds{operation,status}   every API request (long-polls included: by operation)
 *   hashdrop_livekit_errors_total{operation}      requests that failed because LiveKit refused or was unreachable
 *   hashdrop_knock_changes_found_by_recheck_total   knock changes a long-poll found by its slow safety-net re-check
 *                                                  instead of a notification (should stay 0: notifications lost)
 * plus prom-client's process metrics (CPU, memory, event-loop lag) with the `hashdrop_` prefix.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ServerError } from 'livekit-server-sdk';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { OperationId } from '../contract/routes.js';
import { ApiError } from './errors.js';
import { jsonTextOf } from './http.js';

export interface MetricsOptions {
  /**
   * When set, `GET /metrics` needs `Authorization: Bearer <token>` (the scraper's own secret, not the identity secret).
   * When absent, metrics are open: keep the path off the public proxy or set a token.
   */
  token?: string;
  /** prom-client's process metrics (CPU, memory, event loop); default true. */
  processMetrics?: boolean;
}

/** Buckets from a fast API answer to a long-poll held for its full 25 s. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 30];

export class EndpointMetrics {
  readonly registry = new Registry();
  private readonly joins: Counter<'outcome'>;
  private readonly decisions: Counter<'outcome'>;
  private readonly duration: Histogram<'operation' | 'status'>;
  private readonly livekitErrors: Counter<'operation'>;
  private readonly foundByRecheck: Counter;
  private readonly tokenDigest: Buffer | null;

  constructor(heldLongPolls: () => number, options: MetricsOptions = {}) {
    this.tokenDigest = options.token ? digest(options.token) : null;
    const registers = [this.registry];
    this.joins = new Counter({
      name: 'hashdrop_joins_total',
      help: 'Join answers by outcome: admitted, waiting (a knock), or the error code.',
      labelNames: ['outcome'],
      registers,
    });
    this.decisions = new Counter({
      name: 'hashdrop_knock_decisions_total',
      help: "Hosts' decisions on knocks: admitted or denied.",
      labelNames: ['outcome'],
      registers,
    });
    new Gauge({
      name: 'hashdrop_knocks_waiting',
      help: 'Knock long-polls this instance holds open now (summed over instances: guests waiting for a decision).',
      registers,
      collect() {
        this.set(heldLongPolls());
      },
    });
    this.duration = new Histogram({
      name: 'hashdrop_http_request_duration_seconds',
      help: 'API request duration by operation and HTTP status (knock long-polls are held up to 25 s).',
      labelNames: ['operation', 'status'],
      buckets: DURATION_BUCKETS,
      registers,
    });
    this.livekitErrors = new Counter({
      name: 'hashdrop_livekit_errors_total',
      help: 'API requests that failed because LiveKit refused the call or could not be reached.',
      labelNames: ['operation'],
      registers,
    });
    this.foundByRecheck = new Counter({
      name: 'hashdrop_knock_changes_found_by_recheck_total',
      help: 'Knock changes a long-poll found by its periodic re-check, not by a notification (notifications lost).',
      registers,
    });
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry, prefix: 'hashdrop_' });
  }

  /** Records one answered operation: `outcome` is its response, or the error it threw. */
  observe(operation: OperationId, outcome: Response | unknown, seconds: number): void {
    const response = outcome instanceof Response ? outcome : null;
    const error = response ? null : outcome;
    const status = response?.status ?? statusOf(error);
    this.duration.observe({ operation, status: String(status) }, seconds);
    if (error instanceof ServerError || (error instanceof ApiError && error.code === 'LIVEKIT_UNAVAILABLE')) {
      this.livekitErrors.inc({ operation });
    }
    if (operation === 'joinRoom') {
      const code = error instanceof ApiError ? error.code : 'INTERNAL';
      this.joins.inc({ outcome: status === 200 ? 'admitted' : status === 202 ? 'waiting' : code });
    } else if (response?.status === 200) {
      if (operation === 'admitKnock') this.decisions.inc({ outcome: 'admitted' });
      else if (operation === 'denyKnock') this.decisions.inc({ outcome: 'denied' });
      else if (operation === 'admitAllKnocks') this.decisions.inc({ outcome: 'admitted' }, admittedCount(response));
    }
  }

  /** A long-poll's periodic re-check found its knock changed: the notification for that change never arrived. */
  recheckFoundChange(): void {
    this.foundByRecheck.inc();
  }

  /** Whether the request may read the metrics: always without a token, else with `Authorization: Bearer <token>`. */
  allows(request: Request): boolean {
    if (!this.tokenDigest) return true;
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '')?.[1];
    // Digests have one length, so the comparison takes the same time whatever was sent.
    return bearer !== undefined && timingSafeEqual(digest(bearer), this.tokenDigest);
  }

  async render(): Promise<Response> {
    return new Response(await this.registry.metrics(), {
      status: 200,
      headers: { 'content-type': this.registry.contentType, 'cache-control': 'no-store' },
    });
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function statusOf(error: unknown): number {
  if (error instanceof ApiError) return error.status;
  if (error instanceof ServerError) return 503;
  return 500;
}

function admittedCount(response: Response): number {
  try {
    const body = JSON.parse(jsonTextOf(response) ?? '{}') as { admitted?: unknown[] };
    return Array.isArray(body.admitted) ? body.admitted.length : 0;
  } catch {
    return 0;
  }
}
