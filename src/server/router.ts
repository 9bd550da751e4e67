/**
 * The router, built from the contract's API table (src/contract/api.ts) with Hono: every operation of the table is
 * served by the implementation of the same name, and nothing else is. Per path it also answers OPTIONS (CORS
 * preflight, our own origin rules) and any other method with 405 and `Allow`. Failures are thrown as `ApiError`s;
 * `createHashdropHandler` turns them into `{ error: { code, message } }` bodies.
 */
import { Hono } from 'hono';
import { TrieRouter } from 'hono/router/trie-router';
import { OPERATIONS, type Operation } from '../contract/api.js';
import type { OperationId } from '../contract/routes.js';
import type { Context, HandlerContext, RequestInfo, User } from './context.js';
import { ApiError } from './errors.js';

export type Route = (ctx: Context, info: RequestInfo) => Promise<Response> | Response;

export interface RouterOptions {
  basePath: string;
  /** Whether a request may be answered for its `Origin` (same-origin and configured origins). */
  originAllowed: (request: Request) => boolean;
  /** The caller, from the host site's auth or a bearer credential; throws 401 on a malformed or bad credential. */
  identify: (request: Request) => Promise<User | null>;
  /** Told of every operation's answer (a Response) or failure (the thrown error) and its duration, for metrics. */
  observe?: (operationId: OperationId, outcome: unknown, seconds: number) => void;
}

/** Health and readiness probes come from load balancers: no origin or credential check may turn them away. */
const OPERATOR_PROBES: ReadonlySet<OperationId> = new Set(['getHealth', 'getReadiness']);

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

/** The raw (still percent-encoded) path of a request: routes match on it, and only parameters are decoded. */
export function rawPath(request: Request): string {
  const url = request.url;
  const start = url.indexOf('/', url.indexOf('://') + 3);
  if (start === -1) return '/';
  const end = url.search(/[?#]/);
  return url.slice(start, end === -1 || end < start ? undefined : end);
}

/** How many literal segments a path template has: a literal segment wins over a parameter in the same place. */
const literals = (path: string) => path.split('/').filter((segment) => segment && !segment.startsWith('{')).length;

const ALLOWED_HEADERS = 'authorization, content-type';

export function createRouter(
  ctx: Context,
  implementations: Record<OperationId, Route>,
  options: RouterOptions,
): Hono<{ Bindings: HandlerContext }> {
  // Routes match on the raw segments: an encoded `/` or `.` inside a parameter stays part of that parameter and never
  // moves the request to another route. A trailing slash is ignored. The trie router is the one that takes our table:
  // Hono's RegExpRouter refuses a literal segment beside a parameter (`knocks/admit-all` and `knocks/{knockId}/admit`),
  // and its SmartRouter would try it first only to fall back to this one.
  const app = new Hono<{ Bindings: HandlerContext }>({
    router: new TrieRouter(),
    getPath: (request) => rawPath(request).replace(/(.)\/$/, '$1'),
  });
  const byPath = new Map<string, Operation[]>();
  for (const op of OPERATIONS) byPath.set(op.path, [...(byPath.get(op.path) ?? []), op]);
  // Literal segments are tried before parameters: `knocks/admit-all` is never knock "admit-all", for any method.
  const paths = [...byPath.keys()].sort((a, b) => literals(b) - literals(a));
  for (const path of paths) {
    const operations = byPath.get(path)!;
    // A plain `:name` (one non-empty segment): a pattern of our own (`:name{…}`) makes every match run a RegExp, and
    // took several times as long to route a join. An empty segment matches no route, so it is 404 NOT_FOUND as before.
    const template = options.basePath + path.replace(/\{(\w+)\}/g, ':$1');
    const positions = path
      .split('/')
      .map((segment, index) => (segment.startsWith('{') ? index : -1))
      .filter((index) => index >= 0);
    const baseSegments = options.basePath.split('/').length - 1;
    const paramsOf = (request: Request): string[] => {
      const segments = rawPath(request).split('/');
      return positions.map((index) => decodeParameter(segments[baseSegments + index] ?? ''));
    };
    const allow = operations.map((op) => op.method).join(', ');
    for (const op of operations) {
      const route = implementations[op.operationId];
      app.on(op.method, template, (c) =>
        serve(ctx, route, op, options, { request: c.req.raw, clientIp: c.env?.clientIp ?? null, paramsOf }),
      );
    }
    app.options(template, (c) => {
      paramsOf(c.req.raw);
      if (!options.originAllowed(c.req.raw)) {
        throw new ApiError('ORIGIN_NOT_ALLOWED', 'This origin may not call the endpoint.');
      }
      return new Response(null, {
        status: 204,
        headers: {
          'access-control-allow-methods': `${allow}, OPTIONS`,
          'access-control-allow-headers': ALLOWED_HEADERS,
        },
      });
    });
    app.all(template, (c) => {
      paramsOf(c.req.raw);
      throw new ApiError('METHOD_NOT_ALLOWED', `Use ${allow} here.`, { allow: `${allow}, OPTIONS` });
    });
  }
  app.notFound(() => {
    throw new ApiError('NOT_FOUND', 'No such route.');
  });
  app.onError((error) => {
    throw error;
  });
  return app;
}

async function serve(
  ctx: Context,
  route: Route,
  op: Operation,
  options: RouterOptions,
  call: { request: Request; clientIp: string | null; paramsOf: (request: Request) => string[] },
): Promise<Response> {
  return observed(op, options.observe, async () => {
    const params = call.paramsOf(call.request);
    // LiveKit's webhook is signed by LiveKit, and the operator's probes and scraper are not browsers: origins and
    // identity credentials do not apply to them (the metrics route checks its own token).
    const outsideCaller = op.auth === 'webhook' || op.auth === 'operator' || OPERATOR_PROBES.has(op.operationId);
    if (!outsideCaller && !options.originAllowed(call.request)) {
      throw new ApiError('ORIGIN_NOT_ALLOWED', 'This origin may not call the endpoint.');
    }
    const user = outsideCaller ? null : await options.identify(call.request);
    return route(ctx, { request: call.request, user, clientIp: call.clientIp, params });
  });
}

/** Times one operation and reports its answer or error to `observe` (metrics), then passes it on unchanged. */
async function observed(
  op: Operation,
  observe: RouterOptions['observe'],
  answer: () => Promise<Response>,
): Promise<Response> {
  if (!observe) return answer();
  const started = performance.now();
  try {
    const response = await answer();
    observe(op.operationId, response, (performance.now() - started) / 1000);
    return response;
  } catch (error) {
    observe(op.operationId, error, (performance.now() - started) / 1000);
    throw error;
  }
}
