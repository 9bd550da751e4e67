#!/usr/bin/env node
/**
 * `hashdrop-server`: the endpoint as a process, configured by the environment.
 *   LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET   the LiveKit server (required)
 *   DATABASE_URL (postgres://…) or HASHDROP_DB (SQLite path, default ./hashdrop.db)
 *   HASHDROP_SECRET        signs anonymous identities (required, ≥ 16 characters, stable across restarts)
 *   PORT (3000), HOST (127.0.0.1), HASHDROP_BASE_PATH (/api), HASHDROP_CORS_ORIGINS (comma-separated)
 *   HASHDROP_TRUST_PROXY=N behind N reverse proxies of your own (usually 1); HASHDROP_VERBOSE=1 for info logs
 *   HASHDROP_RATE_LIMIT=off disables join/knock limits (load tests only)
 *   HASHDROP_METRICS_TOKEN  bearer token `GET /metrics` requires (metrics are open without it); HASHDROP_METRICS=off
 *   HASHDROP_SHUTDOWN_GRACE_MS (10000): how long SIGTERM waits for requests in progress (docs/deployment.md)
 *   HASHDROP_RECORDING_DESTINATION (s3|gcs|azure), HASHDROP_RECORDING_BUCKET, _REGION, _ENDPOINT, _FORCE_PATH_STYLE=1,
 *   HASHDROP_RECORDING_FILE_NAME, HASHDROP_EGRESS_URL: recording through LiveKit Egress (README, "Recording")
 *   HASHDROP_RECORDER_PAGE_URL, HASHDROP_RECORDER_THEME, HASHDROP_RECORDER_LANG: recordings that look like the call
 */
import { createHashdropHandler } from './handler.js';
import { consoleLogger } from './logger.js';
import { serve } from './node.js';
import { recordingFromEnv } from './recording/config.js';
import { openStore } from './store/index.js';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`hashdrop-server: ${name} is not set.`);
    process.exit(2);
  }
  return value;
}

/** Recording options from the environment; a wrong value exits with status 2, as a missing variable does. */
function recordingOption() {
  try {
    const recording = recordingFromEnv(process.env);
    return recording ? { recording } : {};
  } catch (error) {
    console.error(`hashdrop-server: ${(error as Error).message}`);
    process.exit(2);
  }
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
    ...recordingOption(),
    ...(env.HASHDROP_RATE_LIMIT === 'off' ? { rateLimit: false as const } : {}),
    metrics:
      env.HASHDROP_METRICS === 'off'
        ? false
        : { ...(env.HASHDROP_METRICS_TOKEN ? { token: env.HASHDROP_METRICS_TOKEN } : {}) },
  });
  const server = await serve(handler, {
    port: Number(env.PORT || 3000),
    host: env.HOST || '127.0.0.1',
    // The number of your own reverse proxies in front of the endpoint (1 for one); unset or 0 trusts none.
    trustProxy: Number(env.HASHDROP_TRUST_PROXY ?? '0') || 0,
  });
  logger.warn('hashdrop-server listening', { url: server.url, store: env.DATABASE_URL ? 'postgres' : 'sqlite' });
  const graceMs = Number(env.HASHDROP_SHUTDOWN_GRACE_MS || 10_000);
  // Graceful: readiness fails and held long-polls answer at once (clients poll again, through another instance); no
  // new connections; requests in progress finish; then the store closes. A second signal exits at once.
  const stop = async (signal: string) => {
    logger.warn('hashdrop-server shutting down', { signal });
    await handler.drain();
    await server.shutdown(graceMs);
    await store.close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.once(signal, () => process.exit(1));
      void stop(signal);
    });
  }
}

main().catch((error: unknown) => {
  console.error(`hashdrop-server: ${(error as Error).message}`);
  process.exit(1);
});
