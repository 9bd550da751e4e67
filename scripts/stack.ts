/**
 * The whole product on one loopback port: a real livekit-server (its webhooks pointed back at us), the rooms endpoint
 * under /api, and a site — the demo through Vite's dev server (`npm start`, e2e) or built files (benchmarks).
 * One module so `npm start`, the end-to-end tests and the benchmarks run the same stack.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ViteDevServer } from 'vite';
import { createHashdropHandler, openStore, silentLogger, toNodeListener } from '../src/server/index.js';
import type { HashdropHandler, HashdropHandlerOptions, Store } from '../src/server/index.js';
import { startLiveKit, type LiveKitServer } from './livekit.js';
import { freePort } from './processes.js';
import { staticFiles } from './static-files.js';

export interface Stack {
  /** http://127.0.0.1:PORT — the site; the endpoint is at `${url}/api`. */
  url: string;
  livekit: LiveKitServer;
  handler: HashdropHandler;
  store: Store;
  close(): Promise<void>;
}

export interface StackOptions {
  port?: number;
  /** SQLite file or postgres:// URL; a fresh temp SQLite file by default. */
  database?: string;
  /** 'vite' serves the demo from source; 'static' serves built files under `staticRoot`; 'none' only the endpoint. */
  site?: 'vite' | 'static' | 'none';
  staticRoot?: string;
  /** Extra routes the caller answers first (e.g. a benchmark's token route). Return true when handled. */
  extraRoutes?: (request: IncomingMessage, response: ServerResponse, stack: Stack) => boolean | Promise<boolean>;
  handlerOptions?: Partial<HashdropHandlerOptions>;
  /**
   * With 'vite': watch the sources and reload open pages on edits (default true, for `npm start`). Tests may turn it
   * off, so an edit elsewhere in the tree cannot reload a page in the middle of a call.
   */
  watchFiles?: boolean;
  logRequests?: boolean;
}

/** Pretty paths of the demo site → its files. */
export function demoRewrite(pathname: string): string | null {
  if (pathname === '/') return '/demo/index.html';
  if (pathname === '/embed' || pathname === '/embed/') return '/demo/embed.html';
  if (/^\/r\/[^/]+\/?$/.test(pathname)) return '/demo/room.html';
  return null;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const livekit = await startLiveKit({ webhookUrl: `${origin}/api/livekit/webhook` });
  const database = options.database ?? join(mkdtempSync(join(tmpdir(), 'hashdrop-db-')), 'hashdrop.db');
  const store = await openStore(database);
  const handler = createHashdropHandler({
    livekit: { url: livekit.url, apiKey: livekit.apiKey, apiSecret: livekit.apiSecret },
    store,
    secret: process.env.HASHDROP_SECRET ?? randomBytes(32).toString('hex'),
    logger: silentLogger,
    ...options.handlerOptions,
  });
  const api = toNodeListener(handler);

  let vite: ViteDevServer | null = null;
  const site = options.site ?? 'vite';
  if (site === 'vite') {
    const { createServer: createVite } = await import('vite');
    const { backgroundAssets } = await import('./background-assets.js');
    vite = await createVite({
      configFile: false,
      root: process.cwd(),
      appType: 'mpa',
      logLevel: 'warn',
      // HMR on its own free loopback port: Vite's default port is fixed and collides when two stacks run at once.
      server: {
        middlewareMode: true,
        hmr: { host: '127.0.0.1', port: await freePort() },
        ...(options.watchFiles === false ? { watch: null } : {}),
      },
      esbuild: { target: 'es2022' },
      // Its own dependency cache per checkout: node_modules may be shared (worktrees link one), and two checkouts
      // rewriting one cache made each other's pages load module by module, unbundled, for tens of seconds.
      cacheDir: '.cache/vite',
      // The demo's pages only: the examples import the built package (`hashdrop`), which the scan cannot resolve, and
      // a failed scan skips pre-bundling altogether.
      // track-processors is imported only once someone turns background blur on: found late, it would reload pages.
      optimizeDeps: { entries: ['demo/**/*.html'], include: ['@livekit/track-processors'] },
      // MediaPipe's files and our background images, served from node_modules and src (see the plugin).
      plugins: [backgroundAssets()],
    });
  }

  const stack: Stack = {
    url: origin,
    livekit,
    handler,
    store,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await vite?.close();
      await livekit.stop();
      await store.close?.();
    },
  };

  const files = site === 'static' && options.staticRoot ? staticFiles(options.staticRoot) : null;
  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', origin);
    if (options.logRequests) console.log(`${request.method} ${url.pathname}`);
    if (url.pathname === '/api' || url.pathname.startsWith('/api/')) return api(request, response);
    if (options.extraRoutes && (await options.extraRoutes(request, response, stack))) return;
    const rewritten = demoRewrite(url.pathname);
    if (vite) {
      if (rewritten) request.url = `${rewritten}${url.search}`;
      vite.middlewares(request, response);
      return;
    }
    if (files) {
      if (rewritten) request.url = `${rewritten}${url.search}`;
      files(request, response);
      return;
    }
    response.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  return stack;
}
