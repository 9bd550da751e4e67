/**
 * What every route is handed: the endpoint's resolved options and services (`Context`) and the request's caller
 * (`RequestInfo`). The guards are in guards.ts, the room views in room-views.ts.
 */
import type { WRITES_JSON_TEXT } from './http.js';
import type { IdentitySigner } from './identity.js';
import type { LiveKitGateway } from './livekit.js';
import type { Logger } from './logger.js';
import type { EndpointMetrics } from './metrics.js';
import type { KnockNotifier } from './notifier.js';
import type { LongPollSlots } from './long-polls.js';
import type { RateLimits } from './rate-limit.js';
import type { Recorder } from './recording/recorder.js';
import type { Store } from './store/types.js';

/** A user as the host site's `authenticate` returns it, or as an anonymous credential names it. */
export interface User {
  id: string;
  name?: string;
}

export interface Context {
  store: Store;
  livekit: LiveKitGateway;
  signer: IdentitySigner;
  /** Wakes knock long-polls when a knock is settled: in-process, or across instances (from the store's kind). */
  notifier: KnockNotifier;
  /** Aborted when the instance starts shutting down: held long-polls answer at once, readiness fails. */
  draining: AbortSignal;
  /** Prometheus metrics of this handler; null when turned off. */
  metrics: EndpointMetrics | null;
  logger: Logger;
  tokenTtlSeconds: number;
  identityTtlSeconds: number;
  maxBodyBytes: number;
  limits: RateLimits | null;
  longPolls: LongPollSlots;
  /** Recording through LiveKit Egress; null when the operator set no recording destination. */
  recording: Recorder | null;
  version: string;
}

/** Per-call extras an adapter can supply, such as the client's address for the per-IP limit. */
export interface HandlerContext {
  clientIp?: string | null;
  /** Set by the Node adapter only (see `BUFFERED_IO`): it writes JSON answers from their text. */
  [WRITES_JSON_TEXT]?: true;
}

/** Per request: the caller (if any) and the client address the adapter reported. */
export interface RequestInfo {
  request: Request;
  user: User | null;
  clientIp: string | null;
  params: string[];
}
