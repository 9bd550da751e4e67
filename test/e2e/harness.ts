/**
 * End-to-end plumbing: Debian's Chromium driven by playwright-core with fake media devices, a static server on
 * loopback for test pages, and esbuild bundles of browser entry points. Everything started here stops with the test
 * process (Chromium is launched over a pipe and exits when we do; servers are closed in `after` hooks).
 */
import { chromium, type Browser } from 'playwright-core';
import { build } from 'esbuild';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.js';

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), headless: true, args: CHROMIUM_ARGS });
}

/** Bundles a browser entry (TypeScript) into one ES module string. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  return result.outputFiles[0]!.text;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves in-memory routes first, then files under `root` (if given), on 127.0.0.1. `handler` may take the request
 * first (for mounting the endpoint); it returns false to pass.
 */
export async function serve(options: {
  routes?: Record<string, { body: string; type?: string }>;
  root?: string;
}): Promise<StaticServer> {
  const server: Server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    // Browsers ask for a favicon on their own; answering keeps "no console errors" checks meaningful.
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    const route = options.routes?.[path];
    if (route) {
      response.writeHead(200, { 'content-type': route.type ?? TYPES[extname(path) || '.html'] ?? 'text/plain' });
      response.end(route.body);
      return;
    }
    if (options.root) {
      const file = normalize(join(options.root, path.endsWith('/') ? `${path}index.html` : path));
      if (file.startsWith(normalize(options.root))) {
        try {
          const body = await readFile(file);
          response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
          response.end(body);
          return;
        } catch {
          // fall through to 404
        }
      }
    }
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Polls a condition in Node (bounded); returns its last value once truthy. */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T>,
  timeoutMs = 15_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
}
