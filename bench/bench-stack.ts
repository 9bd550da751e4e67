/**
 * The stack the browser benchmarks run on: the real livekit-server and endpoint, serving built files only (our CDN
 * bundle and the production build of the React peer), plus the peer's token route. Both apps talk to the same
 * livekit-server on the same machine in the same run.
 */
import { existsSync } from 'node:fs';
import { AccessToken } from 'livekit-server-sdk';
import { build } from 'vite';
import { startStack, type Stack } from '../scripts/stack.js';

export async function buildPeerApp(): Promise<void> {
  await build({
    root: 'bench/livekit-react',
    base: './',
    configFile: false,
    logLevel: 'error',
    build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2048 },
  });
}

export async function startBenchStack(): Promise<Stack> {
  if (!existsSync('dist/cdn/hashdrop.js')) throw new Error('Build the CDN bundle first: npm run build:cdn');
  return startStack({
    site: 'static',
    staticRoot: '.',
    handlerOptions: { rateLimit: false },
    // The peer's token route, shaped like LiveKit's examples: sign a token for (room, name) on request.
    extraRoutes: async (request, response, stack) => {
      const url = new URL(request.url ?? '/', stack.url);
      if (url.pathname !== '/bench/token') return false;
      const name = url.searchParams.get('name') ?? 'guest';
      const token = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, {
        identity: `${name}-${Math.random().toString(36).slice(2, 8)}`,
        name,
        ttl: '10m',
      });
      token.addGrant({
        roomJoin: true,
        room: url.searchParams.get('room') ?? 'bench',
        canPublish: true,
        canSubscribe: true,
      });
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ serverUrl: stack.livekit.url, token: await token.toJwt() }));
      return true;
    },
  });
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}
