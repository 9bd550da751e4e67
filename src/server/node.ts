/**
 * Mounting the Web-standard handler in Node's http server: `toNodeListener(handler)` converts each request and
 * response, passes the socket's address for the per-IP limit, and aborts a GET (a long-poll) when the client goes away.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HandlerContext } from './handler.js';
import { bufferedRequest } from './buffered-request.js';
import { BUFFERED_IO, jsonTextOf, rememberBody, WRITES_JSON_TEXT } from './http.js';

type WebHandler = (request: Request, extra?: HandlerContext) => Promise<Response>;

export interface NodeListenerOptions {
  /**
   * Behind your own reverse proxies: how many of them there are (`true` means one). The client address is then the
   * `X-Forwarded-For` entry the outermost trusted proxy added — counted from the right, since anything further left
   * was written by the client and could be anything. `X-Forwarded-Proto` / `-Host` are taken as the proxy sets them.
   */
  trustProxy?: boolean | number;
  /** Bodies larger than this are not buffered (the handler answers 413). Default 1 MiB (webhooks are larger). */
  maxBufferBytes?: number;
}

export function toNodeListener(handler: WebHandler, options: NodeListenerOptions = {}) {
  const maxBuffer = options.maxBufferBytes ?? 1024 * 1024;
  const buffered = (handler as { [BUFFERED_IO]?: boolean })[BUFFERED_IO] === true;
  return (req: IncomingMessage, res: ServerResponse): void => {
    void serveOne(handler, req, res, proxyHops(options.trustProxy), maxBuffer, buffered);
  };
}

function proxyHops(trustProxy: boolean | number | undefined): number {
  if (trustProxy === true) return 1;
  return typeof trustProxy === 'number' && Number.isInteger(trustProxy) && trustProxy > 0 ? trustProxy : 0;
}

/** The address `hops` trusted proxies report: the entry the outermost of them appended to `X-Forwarded-For`. */
export function forwardedClient(header: string | undefined, hops: number): string | undefined {
  if (hops === 0 || !header) return undefined;
  const entries = header
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.length >= hops ? entries[entries.length - hops] : entries[0];
}

/**
 * Whether a raw request target has a dot segment (`.` or `..`, also percent-encoded). URL parsing resolves them
 * (`/rooms/R/knocks/%2e%2e` would become `/rooms/R`), so such a request is refused before it is parsed.
 */
export function hasDotSegment(target: string): boolean {
  // Most paths have neither a dot nor a percent sign: no segment to look at.
  if (!target.includes('.') && !target.includes('%')) return false;
  const path = target.split(/[?#]/, 1)[0]!;
  return path.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment));
}

/**
 * The body's bytes, at most one more than `maxBytes` (so the handler sees it is too large; the rest is not read and the
 * request is destroyed). Events rather than `for await`: the async iterator a readable builds per request cost more
 * than reading the one chunk a small body comes in.
 */
function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error?: Error) => {
      req.off('data', onData).off('end', onEnd).off('error', finish).off('close', onClose);
      if (error) reject(error);
      else resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) {
        chunks.push(chunk);
        return;
      }
      chunks.push(chunk.subarray(0, Math.max(0, chunk.length - (size - maxBytes - 1))));
      finish();
      req.destroy();
    };
    const onEnd = () => finish();
    // A client that goes away before the end of its body: nothing to answer.
    const onClose = () => finish(new Error('The request closed before its body ended.'));
    req.on('data', onData).on('end', onEnd).on('error', finish).on('close', onClose);
  });
}

async function serveOne(
  handler: WebHandler,
  req: IncomingMessage,
  res: ServerResponse,
  hops: number,
  maxBuffer: number,
  buffered: boolean,
): Promise<void> {
  try {
    if (hasDotSegment(req.url ?? '/')) {
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'The path may not contain . or .. segments.' } }),
      );
      return;
    }
    const header = (name: string) => {
      const value = req.headers[name];
      return typeof value === 'string' ? value : undefined;
    };
    const proto = (hops > 0 && header('x-forwarded-proto')?.split(',')[0]?.trim()) || 'http';
    const host = (hops > 0 && header('x-forwarded-host')?.split(',')[0]?.trim()) || req.headers.host || '127.0.0.1';
    const clientIp = forwardedClient(header('x-forwarded-for'), hops) ?? req.socket.remoteAddress ?? null;
    const headers = new Headers();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) headers.append(key, item);
      else headers.append(key, value);
    }
    // Only a GET can be held (a knock long-poll), so only a GET is aborted when the client goes away; an abort signal
    // costs every request that carries one (the Request follows it with a listener of its own).
    let abort: AbortController | undefined;
    if (req.method === 'GET') {
      const controller = (abort = new AbortController());
      res.on('close', () => {
        if (!res.writableFinished) controller.abort();
      });
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const body = hasBody ? await readBody(req, maxBuffer) : undefined;
    let url: string;
    try {
      url = new URL(req.url ?? '/', `${proto}://${host}`).toString();
    } catch {
      url = new URL(req.url ?? '/', 'http://127.0.0.1').toString();
    }
    const content = body && body.length > 0 ? body : undefined;
    const method = req.method ?? 'GET';
    // Our own handler reads the body only from the remembered bytes: it gets no stream, nor the rest of a Request.
    const request = buffered
      ? bufferedRequest(url, method, headers, abort?.signal)
      : new Request(url, {
          method,
          headers,
          body: content as unknown as BodyInit | undefined,
          ...(abort ? { signal: abort.signal } : {}),
        });
    // The handler reads the body from these bytes instead of streaming its copy back out of the Request.
    if (content) rememberBody(request, content);
    const response = await handler(request, buffered ? { clientIp, [WRITES_JSON_TEXT]: true } : { clientIp });
    const outHeaders: Record<string, string | string[]> = {};
    response.headers.forEach((value, key) => {
      outHeaders[key] = value;
    });
    // The handler's JSON answers are written straight from their text; anything else is read from its stream. Either
    // way the body is complete before the head is written, so it goes out with a Content-Length, not chunked.
    let out: string | Buffer | null = null;
    if (req.method !== 'HEAD') {
      out = jsonTextOf(response) ?? (response.body ? Buffer.from(await response.arrayBuffer()) : null);
      if (out !== null) outHeaders['content-length'] = String(Buffer.byteLength(out));
    }
    res.writeHead(response.status, outHeaders);
    if (out === null) res.end();
    else res.end(out);
  } catch {
    if (!res.headersSent) {
      res.writeHead(400, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify({ error: { code: 'BAD_REQUEST', message: 'The request could not be read.' } }));
    } else {
      res.destroy();
    }
  }
}

export interface ServeOptions extends NodeListenerOptions {
  port?: number;
  /** Default 127.0.0.1: expose it deliberately (0.0.0.0) behind a proxy. */
  host?: string;
}

export interface ServedHandler {
  server: Server;
  url: string;
  /** Closes the listener and every connection at once, requests in progress included. */
  close(): Promise<void>;
  /**
   * Closes gracefully: stops accepting connections, closes idle ones, lets requests in progress finish (at most
   * `graceMs`, default 10 s), then closes what is left. Drain the handler first so held long-polls answer at once.
   */
  shutdown(graceMs?: number): Promise<void>;
}

/** Starts an http server for the handler; resolves once listening. */
export function serve(handler: WebHandler, options: ServeOptions = {}): Promise<ServedHandler> {
  const listener = toNodeListener(handler, options);
  let inFlight = 0;
  let allDone: (() => void) | null = null;
  const server = createServer((req, res) => {
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0) allDone?.();
    });
    listener(req, res);
  });
  const shutdown = async (graceMs = 10_000) => {
    const closed = new Promise<void>((done) => server.close(() => done()));
    server.closeIdleConnections();
    if (inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((done) => (allDone = done)),
        new Promise<void>((done) => (timer = setTimeout(done, graceMs))),
      ]);
      clearTimeout(timer);
    }
    server.closeAllConnections();
    await closed;
  };
  // Long-polls last up to 25 s; keep the defaults' request timeout above that.
  server.requestTimeout = 60_000;
  server.headersTimeout = 30_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 3000, options.host ?? '127.0.0.1', () => {
      const address = server.address() as AddressInfo;
      resolve({
        server,
        url: `http://${address.address}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
        shutdown,
      });
    });
  });
}
