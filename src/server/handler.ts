/**
 * `createHashdropHandler(options)` → a Web-standard `(Request) => Promise<Response>`: the router, CORS, identity, and
 * the rule that every failure is `{ error: { code, message } }` with a 4xx (a 500 only for a real bug, logged without
 * request bodies or headers).
 */
import { ServerError } from 'livekit-server-sdk';
import type { Context, RequestInfo, User } from './context.js';
import { ApiError } from './errors.js';
import { DEFAULT_MAX_BODY_BYTES, json } from './http.js';
import { IdentitySigner } from './identity.js';
import { LiveKitGateway, type LiveKitOptions } from './livekit.js';
import { consoleLogger, type Logger } from './logger.js';
import { KnockNotifier } from './notifier.js';
import { DEFAULT_LONG_POLL_LIMITS, LongPollSlots, type LongPollLimits } from './long-polls.js';
import { DEFAULT_RATE_LIMIT, RateLimits, type RateLimitOptions } from './rate-limit.js';
import * as joining from './routes/join.js';
import * as moderation from './routes/moderation.js';
import { Recorder } from './recording/recorder.js';
import type { RecordingOptions } from './recording/config.js';
import * as recording from './routes/recording.js';
import * as rooms from './routes/rooms.js';
import { webhook } from './routes/webhook.js';
import type { Store } from './store/types.js';
import { packageVersion } from './version.js';

export interface HashdropHandlerOptions {
  livekit: LiveKitOptions;
  store: Store;
  /** Secret (≥ 16 chars) that signs anonymous identities. Keep it stable across restarts and instances. */
  secret: string;
  /** The host site's own auth. A returned user wins over an anonymous credential; null falls back to it. */
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
  /** Recording to the operator's bucket through LiveKit Egress (S3, GCS, Azure); off when absent. */
  recording?: RecordingOptions;
}

/** Per-call extras an adapter can supply, such as the client's address for the per-IP limit. */
export interface HandlerContext {
  clientIp?: string | null;
}

export type HashdropHandler = ((request: Request, extra?: HandlerContext) => Promise<Response>) & {
  /** The LiveKit gateway (live state, RoomService) — for tests and diagnostics. */
  readonly livekit: LiveKitGateway;
};

type Route = (ctx: Context, info: RequestInfo) => Promise<Response> | Response;
type Methods = Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Route>>;

/** Path patterns after the base path; `:` marks a parameter. Literal segments are tried before parameters. */
const ROUTES: Array<[string[], Methods]> = [
  [['info'], { GET: (ctx) => rooms.info(ctx) }],
  [['identity'], { POST: rooms.issueIdentity }],
  [['livekit', 'webhook'], { POST: webhook }],
  [['rooms'], { GET: rooms.listRooms, POST: rooms.createRoom }],
  [['rooms', ':'], { GET: rooms.getRoom, PATCH: rooms.updateRoom, DELETE: rooms.deleteRoom }],
  [['rooms', ':', 'claim-host'], { POST: rooms.claimHost }],
  [['rooms', ':', 'join'], { POST: joining.join }],
  [['rooms', ':', 'end'], { POST: moderation.endCall }],
  [['rooms', ':', 'recording'], { POST: recording.startRecording, DELETE: recording.stopRecording }],
  [['rooms', ':', 'knocks'], { GET: joining.listKnocks }],
  [['rooms', ':', 'knocks', 'admit-all'], { POST: joining.admitAll }],
  [['rooms', ':', 'knocks', ':'], { GET: joining.getKnock, DELETE: joining.cancelKnock }],
  [['rooms', ':', 'knocks', ':', 'admit'], { POST: (ctx, i) => joining.decideKnock(ctx, i, 'admitted') }],
  [['rooms', ':', 'knocks', ':', 'deny'], { POST: (ctx, i) => joining.decideKnock(ctx, i, 'denied') }],
  [['rooms', ':', 'hands', 'lower-all'], { POST: moderation.lowerAllHands }],
  [['rooms', ':', 'hand'], { POST: moderation.setOwnHand }],
  [['rooms', ':', 'participants', ':', 'kick'], { POST: moderation.kick }],
  [['rooms', ':', 'participants', ':', 'mute'], { POST: moderation.mute }],
  [['rooms', ':', 'participants', ':', 'promote'], { POST: (ctx, i) => moderation.setRole(ctx, i, 'speaker') }],
  [['rooms', ':', 'participants', ':', 'demote'], { POST: (ctx, i) => moderation.setRole(ctx, i, 'audience') }],
  [['rooms', ':', 'participants', ':', 'lower-hand'], { POST: moderation.lowerHand }],
];

function match(segments: string[]): { methods: Methods; params: string[] } | null {
  let best: { methods: Methods; params: string[]; score: number } | null = null;
  for (const [pattern, methods] of ROUTES) {
    if (pattern.length !== segments.length) continue;
    const params: string[] = [];
    let score = 0;
    let ok = true;
    for (let i = 0; i < pattern.length; i += 1) {
      if (pattern[i] === ':') params.push(segments[i]!);
      else if (pattern[i] === segments[i]) score += 1;
      else {
        ok = false;
        break;
      }
    }
    if (ok && (!best || score > best.score)) best = { methods, params, score };
  }
  return best;
}

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A decoded path parameter (a room id or code, a knock id, an identity). Ids hold no control characters and no dot
 * segments, so one that does names nothing, on every store alike (PostgreSQL refuses a NUL byte in text outright).
 */
function decodeParameter(raw: string): string {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw new ApiError('BAD_REQUEST', 'The path is not valid.');
  }
  if (value.length === 0 || value.length > 128 || CONTROL_CHARACTER.test(value) || /^\.{1,2}$/.test(value)) {
    throw new ApiError('NOT_FOUND', 'No such resource.');
  }
  return value;
}

const ALLOWED_HEADERS = 'authorization, content-type';

export function createHashdropHandler(options: HashdropHandlerOptions): HashdropHandler {
  const basePath = (options.basePath ?? '/api').replace(/\/+$/, '');
  const rateLimit = options.rateLimit === false ? null : { ...DEFAULT_RATE_LIMIT, ...options.rateLimit };
  const livekit = new LiveKitGateway(options.livekit, options.liveStateMaxAgeMs ?? 2000);
  const logger = options.logger ?? consoleLogger();
  // Egress is reached through LiveKit's own API (its Twirp service), unless the operator names another URL.
  const apiUrl = options.livekit.apiUrl ?? options.livekit.url.replace(/^ws(s?):\/\//, 'http$1://');
  const recorder = options.recording ? new Recorder(options.recording, apiUrl, options.livekit, logger) : null;
  const ctx: Context = {
    store: options.store,
    livekit,
    signer: new IdentitySigner(options.secret),
    notifier: new KnockNotifier(),
    logger,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 60,
    identityTtlSeconds: options.identityTtlSeconds ?? 30 * 24 * 3600,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    limits: rateLimit ? new RateLimits(rateLimit) : null,
    longPolls: new LongPollSlots({ ...DEFAULT_LONG_POLL_LIMITS, ...options.longPolls }),
    recording: recorder,
    version: packageVersion(),
  };
  const corsOrigins = new Set(options.corsOrigins ?? []);

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

  function corsHeaders(request: Request, origin: string | null): Record<string, string> {
    if (!origin) return {};
    return {
      'access-control-allow-origin': origin,
      'access-control-expose-headers': 'retry-after',
      'access-control-max-age': '600',
      vary: 'Origin',
    };
  }

  function originAllowed(request: Request, url: URL): boolean {
    const origin = request.headers.get('origin');
    if (!origin || origin === url.origin) return true;
    return corsOrigins.has('*') || corsOrigins.has(origin);
  }

  async function handle(request: Request, extra: HandlerContext | undefined, url: URL): Promise<Response> {
    if (!url.pathname.startsWith(`${basePath}/`)) throw new ApiError('NOT_FOUND', 'No such route.');
    // Routes are matched on the raw segments and only parameters are decoded, after matching: an encoded `/` or `.`
    // inside a parameter stays part of that parameter and never moves the request to another route.
    const segments = url.pathname.slice(basePath.length + 1).split('/');
    if (segments.length > 0 && segments[segments.length - 1] === '') segments.pop();
    const found = match(segments);
    if (!found) throw new ApiError('NOT_FOUND', 'No such route.');
    found.params = found.params.map(decodeParameter);
    const allow = Object.keys(found.methods).join(', ');
    if (request.method === 'OPTIONS') {
      if (!originAllowed(request, url))
        throw new ApiError('ORIGIN_NOT_ALLOWED', 'This origin may not call the endpoint.');
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-methods': `${allow}, OPTIONS`,
          'access-control-allow-headers': ALLOWED_HEADERS,
        },
      });
    }
    const route = found.methods[request.method as keyof Methods];
    if (!route) throw new ApiError('METHOD_NOT_ALLOWED', `Use ${allow} here.`, { allow: `${allow}, OPTIONS` });
    const isWebhook = segments[0] === 'livekit';
    if (!isWebhook && !originAllowed(request, url)) {
      throw new ApiError('ORIGIN_NOT_ALLOWED', 'This origin may not call the endpoint.');
    }
    const user = isWebhook ? null : await identify(request);
    return route(ctx, { request, user, clientIp: extra?.clientIp ?? null, params: found.params });
  }

  const handler = async (request: Request, extra?: HandlerContext): Promise<Response> => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return json(400, new ApiError('BAD_REQUEST', 'The URL is not valid.').body());
    }
    const origin = request.headers.get('origin');
    const cors = origin && originAllowed(request, url) && origin !== url.origin ? corsHeaders(request, origin) : {};
    try {
      const response = await handle(request, extra, url);
      for (const [key, value] of Object.entries(cors)) response.headers.set(key, value);
      return response;
    } catch (error) {
      if (error instanceof ApiError) return json(error.status, error.body(), { ...error.headers, ...cors });
      if (error instanceof ServerError) {
        // LiveKit refused a RoomService call we did not expect to fail: report it as the media server's trouble.
        ctx.logger.warn('LiveKit call failed', { path: url.pathname, status: error.status, code: error.code });
        return json(503, new ApiError('LIVEKIT_UNAVAILABLE', 'The media server refused the request.').body(), cors);
      }
      ctx.logger.error('unhandled error', {
        method: request.method,
        path: url.pathname,
        error: error instanceof Error ? `${error.name}: ${error.message}` : 'unknown',
      });
      return json(500, new ApiError('INTERNAL', 'Something went wrong on the server.').body(), cors);
    }
  };
  return Object.assign(handler, { livekit });
}
