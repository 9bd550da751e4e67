#!/usr/bin/env node
/**
 * `hashdrop-server`: the endpoint as a process, configured by the environment.
 *   LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET   the LiveKit server (required)
 *   DATABASE_URL (postgres://…) or HASHDROP_DB (SQLite path, default ./hashdrop.db)
 *   HASHDROP_SECRET        signs anonymous identities (required, ≥ 16 characters, stable across restarts)
 *   PORT (3000), HOST (127.0.0.1), HASHDROP_BASE_PATH (/api), HASHDROP_CORS_ORIGINS (comma-separated)
 *   HASHDROP_TRUST_PROXY=1 behind your own reverse proxy; HASHDROP_VERBOSE=1 for info logs
 *   HASHDROP_RATE_LIMIT=off disables join/knock limits (load tests only)
 */
import { createHashdropHandler } from './handler.js';
import { consoleLogger } from './logger.js';
import { serve } from './node.js';
import { openStore } from './store/index.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`hashdrop-server: ${name} is not set.`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const env = process.env;
  const livekit = {
    url: required('LIVEKIT_URL'),
    apiKey: required('LIVEKIT_API_KEY'),
    apiSecret: required('LIVEKIT_API_SECRET'),
  };
  const secret = required('HASHDROP_SECRET');
  const logger = consoleLogger(env.HASHDROP_VERBOSE === '1');
  const store = await openStore(env.DATABASE_URL || env.HASHDROP_DB || './hashdrop.db');
  const handler = createHashdropHandler({
    livekit,
    store,
    secret,
    basePath: env.HASHDROP_BASE_PATH || '/api',
    corsOrigins: (env.HASHDROP_CORS_ORIGINS ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    logger,
    ...(env.HASHDROP_RATE_LIMIT === 'off' ? { rateLimit: false as const } : {}),
  });
  const server = await serve(handler, {
    port: Number(env.PORT || 3000),
    host: env.HOST || '127.0.0.1',
    trustProxy: env.HASHDROP_TRUST_PROXY === '1',
  });
  logger.warn('hashdrop-server listening', { url: server.url, store: env.DATABASE_URL ? 'postgres' : 'sqlite' });
  const stop = async () => {
    await server.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`hashdrop-server: ${(error as Error).message}`);
  process.exit(1);
});
