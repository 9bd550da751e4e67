/**
 * `createHashdropHandler(options)` → a Web-standard `(Request) => Promise<Response>` (Hono's `fetch`, router.ts): the
 * endpoint's services, each operation's implementation, CORS, identity, and the rule that every failure is
 * `{ error: { code, message } }` with a 4xx (a 500 only for a real bug, logged without request bodies or headers).
 */
import { ServerError } from 'livekit-server-sdk';
import type { OperationId } from '../contract/routes.js';
import type { Context, HandlerContext, User } from './context.js';
import { ApiError } from './errors.js';
import { BUFFERED_IO, DEFAULT_MAX_BODY_BYTES, json, withJsonBody, WRITES_JSON_TEXT } from './http.js';
import { IdentitySigner } from './identity.js';
import { LiveKitGateway, type LiveKitOptions } from './livekit.js';
import { consoleLogger, type Logger } from './logger.js';
import { LocalKnockNotifier } from './notifier.js';
import { EndpointMetrics, type MetricsOptions } from './metrics.js';
import { DEFAULT_LONG_POLL_LIMITS, LongPollSlots, type LongPollLimits } from './long-polls.js';
import { DEFAULT_RATE_LIMIT, RateLimits, type RateLimitOptions } from './rate-limit.js';
import { connectionCheck } from './routes/connection-check.js';
import * as lobby from './routes/lobby.js';
import * as moderation from './routes/moderation.js';
import * as microphones from './routes/microphones.js';
import * as operations from './routes/operations.js';
import * as reactions from './routes/reactions.js';
import { createRecorderPage } from './recorder-page.js';
import { Recorder } from './recording/recorder.js';
import type { RecordingOptions } from './recording/config.js';
import { createRouter, type Route } from './router.js';
import * as recording from './routes/recording.js';
import * as streaming from './routes/streaming.js';
import * as rooms from './routes/rooms.js';
import { webhook } from './routes/webhook.js';
import type { Store } from './store/types.js';
import { packageVersion } from './version.js';

export type { HandlerContext };

export interface HashdropHandlerOptions {
  livekit: LiveKitOptions;
  store: Store;
  /** Secret (≥ 16 chars) that signs anonymous identities. Keep it stable across restarts and instances. */
  secret: string;
  /**
   * The host site's own auth (from headers, e.g. a cookie or a bearer token; the body is the endpoint's to read).
   * Through the Node adapter the Request has its URL, method, headers and signal, and nothing else (see
   * buffered-request.ts). A returned user wins over an anonymous credential; null falls back.
   */
  authenticate?: (request: Request) => Promise<User | null> | User | null;
  /** Where the routes live, e.g. `/api` (default). */
  basePath?: string;
  /**
   * Lifetime of the LiveKit tokens the endpoint signs (default 60 s). A token is only needed for the first connection:
   * once connected, LiveKit hands the client a token of its own (10 minutes, renewed every 5) for reconnects. So this
   * bounds how long a token that was never used stays good, e.g. one signed just before a kick.
   */
  tokenTtlSeconds?: number;
  /** Lifetime of anonymous identity credentials (default 30 days). */
  identityTtlSeconds?: number;
  /** Origins allowed to call cross-origin (exact `scheme://host[:port]`, or `*`). Same-origin calls always work. */
  corsOrigins?: string[];
  /** Attempt, lookup and creation limits per identity and per IP; `false` turns them off (benchmarks). */
  rateLimit?: RateLimitOptions | false;
  /** Knock long-polls held open at once, per identity and per instance (default 4 and 2000). */
  longPolls?: Partial<LongPollLimits>;
  /** Largest accepted request body (default 16 KiB). */
  maxBodyBytes?: number;
  /** How stale the cached live-call state may be before a decision re-reads LiveKit (default 2000 ms). */
  liveStateMaxAgeMs?: number;
  logger?: Logger;
  /**
   * Recording and live streaming through LiveKit Egress (to S3, GCS, Azure; RTMP), and the recorder page Egress can
   * render at `{basePath}/recorder/` (`recording.recorderPage`); all off when absent.
   */
  recording?: RecordingOptions;
  /** Prometheus metrics at `GET /metrics` (on by default, open unless a `token` is set); `false` turns them off. */
  metrics?: MetricsOptions | false;
}

export type HashdropHandler = ((request: Request, extra?: HandlerContext) => Promise<Response>) & {
  /** The LiveKit gateway (live state, RoomService) — for tests and diagnostics. */
  readonly livekit: LiveKitGateway;
  /** What the router serves, as `METHOD /path/{param}` after the base path (`ALL`: the 405 answer) — for tests. */
  readonly routes: readonly string[];
  /** This handler's metrics registry (null when metrics are off) — to merge into an app's own, or for tests. */
  readonly metrics: EndpointMetrics | null;
  /**
   * Begins shutting down: readiness answers 503, every held knock long-poll is answered at once with the knock as it
   * stands (the client polls again, through another instance), new long-polls are not held, and the cross-instance
   * notifier stops listening. Requests in progress finish; stop the listener and close the store after this.
   */
  drain(): Promise<void>;
};

/** The implementation of every operation of the contract's API table (a missing one is a type error). */
const IMPLEMENTATIONS: Record<OperationId, Route> = {
  getInfo: (ctx) => rooms.info(ctx),
  getHealth: operations.health,
  getReadiness: operations.readiness,
  getMetrics: operations.metrics,
  issueIdentity: rooms.issueIdentity,
  connectionCheck,
  livekitWebhook: webhook,
  listRooms: rooms.listRooms,
  createRoom: rooms.createRoom,
  getRoom: rooms.getRoom,
  updateRoom: rooms.updateRoom,
  deleteRoom: rooms.deleteRoom,
  claimHost: rooms.claimHost,
  joinRoom: lobby.join,
  endCall: moderation.endCall,
  startRecording: recording.startRecording,
  stopRecording: recording.stopRecording,
  startStream: streaming.startStream,
  stopStream: streaming.stopStream,
  listKnocks: lobby.listKnocks,
  admitAllKnocks: lobby.admitAll,
  getKnock: lobby.getKnock,
  cancelKnock: lobby.cancelKnock,
  admitKnock: (ctx, i) => lobby.decideKnock(ctx, i, 'admitted'),
  denyKnock: (ctx, i) => lobby.decideKnock(ctx, i, 'denied'),
  lowerAllHands: moderation.lowerAllHands,
  muteAll: microphones.muteAll,
  setOwnHand: moderation.setOwnHand,
  sendReaction: reactions.sendReaction,
  kickParticipant: moderation.kick,
  muteParticipant: moderation.mute,
  askToUnmute: microphones.askToUnmute,
  promoteParticipant: (ctx, i) => moderation.setRole(ctx, i, 'speaker'),
  demoteParticipant: (ctx, i) => moderation.setRole(ctx, i, 'audience'),
  lowerHand: moderation.lowerHand,
};

export function createHashdropHandler(options: HashdropHandlerOptions): HashdropHandler {
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const rateLimit = options.rateLimit === false ? null : { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
  const livekit = new LiveKitGateway(options.livekit, options.liveStateMaxAgeMs ?? 2000);
  const logger = options.logger ?? consoleLogger();
  // Egress is reached through LiveKit's own API (its Twirp service), unless the operator names another URL.
  const apiUrl = options.livekit.apiUrl ?? options.livekit.url.replace(/^ws(s?):\/\//, 'http$1://');
  const recorder = options.recording
    ? new Recorder(options.recording, apiUrl, options.livekit, options.store, logger)
    : null;
  // The recorder page is for Egress, so it is there wherever recording is (with the defaults when not configured).
  const recorderPage = options.recording
    ? createRecorderPage(options.recording.recorderPage ?? {}, basePath, logger)
    : null;
  const longPolls = new LongPollSlots({ ...DEFAULT_LONG_POLL_LIMITS, ...options.longPolls });
  const draining = new AbortController();
  const metrics = options.metrics === false ? null : new EndpointMetrics(() => longPolls.held, options.metrics);
  const ctx: Context = {
    store: options.store,
    livekit,
    signer: new IdentitySigner(options.secret),
    // The store's kind decides how far a decision's wake-up reaches: this process, or every instance sharing it.
    notifier: options.store.openKnockNotifier?.(logger) ?? new LocalKnockNotifier(),
    draining: draining.signal,
    metrics,
    logger,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 60,
    identityTtlSeconds: options.identityTtlSeconds ?? 30 * 24 * 3600,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    limits: rateLimit ? new RateLimits(rateLimit, options.store) : null,
    longPolls,
    recording: recorder,
    version: packageVersion(),
  };
  const corsOrigins = new Set(options.corsOrigins ?? []);
  // While shutting down, every answer asks the client to open a new connection: through a proxy, to another instance.
  const closing = (): Record<string, string> => (draining.signal.aborted ? { connection: 'close' } : {});

  async function identify(request: Request): Promise<User | null> {
    if (options.authenticate) {
      const user = await options.authenticate(request);
      if (user) return user;
    }
    const header = request.headers.get('authorization');
    if (header === null) return null;
    // A credential in any other form is a mistake to report, not to ignore (the caller would act anonymously).
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!bearer) throw new ApiError('UNAUTHENTICATED', 'Send the credential as Authorization: Bearer <credential>.');
    const identity = ctx.signer.verify(bearer);
    if (!identity) throw new ApiError('UNAUTHENTICATED', 'The credential is not valid or has expired.');
    return { id: identity.userId };
  }

  function corsHeaders(origin: string | null): Record<string, string> {
    if (!origin) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'retry-after',
      'access-control-max-age': '600',
      vary: 'Origin',
    };
  }

  function originAllowed(request: Request): boolean {
    const origin = request.headers.get('origin');
    if (!origin || corsOrigins.has('*') || corsOrigins.has(origin)) return true;
    return origin === new URL(request.url).origin;
  }

  const app = createRouter(ctx, IMPLEMENTATIONS, {
    basePath,
    originAllowed,
    identify,
    ...(metrics ? { observe: metrics.observe.bind(metrics) } : {}),
  });

  const answer = async (request: Request, extra?: HandlerContext): Promise<Response> => {
    // A Request's URL was parsed (and found valid) when it was made; it is parsed again only where it is needed: to
    // compare a cross-origin caller's Origin with it, or to log a failure's path.
    const origin = request.headers.get('origin');
    const cors = origin && originAllowed(request) && origin !== new URL(request.url).origin ? corsHeaders(origin) : {};
    try {
      // Hono answers HEAD as GET; no route serves HEAD here, so it is routed as a method no route has (405 or 404).
      const routed =
        request.method === 'HEAD'
          ? new Request(request.url, { method: 'HEAD-', headers: request.headers, signal: request.signal })
          : request;
      const response = (await recorderPage?.(request)) ?? (await app.fetch(routed, extra));
      for (const [key, value] of Object.entries({ ...cors, ...closing() })) response.headers.set(key, value);
      return response;
    } catch (error) {
      if (error instanceof ApiError) {
        return json(error.status, error.body(), { ...error.headers, ...cors, ...closing() });
      }
      if (error instanceof ServerError) {
        // LiveKit refused a RoomService call we did not expect to fail: report it as the media server's trouble.
        ctx.logger.warn('LiveKit call failed', {
          path: new URL(request.url).pathname,
          status: error.status,
          code: error.code,
        });
        const body = new ApiError('LIVEKIT_UNAVAILABLE', 'The media server refused the request.').body();
        return json(503, body, { ...cors, ...closing() });
      }
      ctx.logger.error('unhandled error', {
        method: request.method,
        path: new URL(request.url).pathname,
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
      });
      return json(500, new ApiError('INTERNAL', 'Something went wrong on the server.').body(), {
        ...cors,
        ...closing(),
      });
    }
  };
  // Hono's `:name` back to the table's `{name}`.
  const routes = app.routes.map(
    ({ method, path }) => `${method} ${path.slice(basePath.length).replace(/:(\w+)/g, '{$1}')}`,
  );
  let drained: Promise<void> | null = null;
  const drain = () =>
    (drained ??= (async () => {
      draining.abort();
      await ctx.notifier.close();
    })());
  // JSON answers get their body here, except for the Node adapter, which writes their text itself.
  const handler = async (request: Request, extra?: HandlerContext): Promise<Response> => {
    const response = await answer(request, extra);
    return extra?.[WRITES_JSON_TEXT] ? response : withJsonBody(response);
  };
  // Every route reads its body with readText (the webhook's too), so the Node adapter need not stream one in.
  return Object.assign(handler, { livekit, routes, metrics, drain, [BUFFERED_IO]: true });
}
