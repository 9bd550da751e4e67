/**
 * The rooms endpoint inside an ordinary Node http server: `/api/*` goes to the HashDrop handler, everything else to
 * the rest of your app (here a one-line page). Run it with
 *
 *   LIVEKIT_URL=ws://127.0.0.1:7880 LIVEKIT_API_KEY=devkey LIVEKIT_API_SECRET=secret \
 *   HASHDROP_SECRET=change-me-to-a-long-random-string npx tsx examples/node-http/server.ts
 *
 * In your own project import from 'hashdrop/server' instead of the repository's source.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { createHashdropHandler, openStore, toNodeListener, type HashdropHandler } from '../../src/server/index.js';

export interface ExampleConfig {
  livekit: { url: string; apiKey: string; apiSecret: string };
  /** Signs anonymous identities: at least 16 characters, the same across restarts. */
  secret: string;
  /** A SQLite file path, or a postgres:// URL. */
  database: string;
  port: number;
  host: string;
  /** Pages on other origins allowed to call the endpoint. */
  corsOrigins: string[];
}

export interface RunningExample {
  url: string;
  server: Server;
  handler: HashdropHandler;
  close(): Promise<void>;
}

export async function startExample(config: ExampleConfig): Promise<RunningExample> {
  const store = await openStore(config.database);
  const handler = createHashdropHandler({
    livekit: config.livekit,
    store,
    secret: config.secret,
    basePath: '/api',
    corsOrigins: config.corsOrigins,
  });
  // toNodeListener turns Node's req/res into a Web Request/Response, passes the client's address for the per-IP
  // rate limit, and aborts a knock long-poll when the browser goes away.
  const hashdrop = toNodeListener(handler);

  const server = createServer((req, res) => {
    if (req.url?.startsWith('/api/')) {
      hashdrop(req, res);
      return;
    }
    // The rest of your app.
    res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('Your site. The rooms endpoint is under /api.\n');
  });
  // The knock long-poll holds a request up to 25 s: keep Node's request timeout above that.
  server.requestTimeout = 60_000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.host}:${port}`,
    server,
    handler,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await store.close();
    },
  };
}

function configFromEnv(env = process.env): ExampleConfig {
  const need = (name: string) => {
    const value = env[name];
    if (!value) throw new Error(`${name} is not set.`);
    return value;
  };
  return {
    livekit: { url: need('LIVEKIT_URL'), apiKey: need('LIVEKIT_API_KEY'), apiSecret: need('LIVEKIT_API_SECRET') },
    secret: need('HASHDROP_SECRET'),
    database: env.DATABASE_URL || env.HASHDROP_DB || './hashdrop.db',
    port: Number(env.PORT || 3000),
    host: env.HOST || '127.0.0.1',
    corsOrigins: (env.HASHDROP_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const running = await startExample(configFromEnv());
  console.log(`listening on ${running.url} — try: curl -X POST ${running.url}/api/identity`);
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
