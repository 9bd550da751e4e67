/** The operator's routes: liveness, readiness (store reachable, not shutting down) and the Prometheus metrics. */
import type { HealthResponse, ReadinessResponse } from '../../contract/index.js';
import type { Context, RequestInfo } from '../context.js';
import { ApiError } from '../errors.js';
import { json } from '../http.js';

/** A store that takes longer than this to answer `select 1` counts as unreachable. */
const STORE_PING_TIMEOUT_MS = 2000;

export function health(): Response {
  return json(200, { status: 'ok' } satisfies HealthResponse);
}

export async function readiness(ctx: Context): Promise<Response> {
  if (ctx.draining.aborted) throw new ApiError('NOT_READY', 'This instance is shutting down.');
  try {
    await withTimeout(ctx.store.ping?.() ?? Promise.resolve(), STORE_PING_TIMEOUT_MS);
  } catch {
    throw new ApiError('NOT_READY', 'The store cannot be reached.');
  }
  return json(200, { status: 'ready' } satisfies ReadinessResponse);
}

export async function metrics(ctx: Context, info: RequestInfo): Promise<Response> {
  if (!ctx.metrics) throw new ApiError('NOT_FOUND', 'Metrics are turned off on this endpoint.');
  if (!ctx.metrics.allows(info.request)) {
    throw new ApiError('UNAUTHENTICATED', 'Send the metrics token as Authorization: Bearer <token>.');
  }
  return ctx.metrics.render();
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
