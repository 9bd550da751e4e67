/**
 * Endpoint benchmark: joins per second and p50/p99 latency of `POST /rooms/{id}/join` with SQLite, over loopback,
 * against a real livekit-server. Bounded: a fixed number of joins at a fixed concurrency. Rate limits are off
 * (every request comes from 127.0.0.1); 50 people re-join one open room, so every join is admitted and signed.
 * The hot path is: verify the bearer credential, read the room (SQLite), check bans and knocks, sign a token — the
 * LiveKit room is opened once and its live state is refreshed at most every 2 s, not per join.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Agent, request } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLiveKit } from '../scripts/livekit.js';
import { freePort, spawnGuarded, waitFor } from '../scripts/processes.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

export interface EndpointBench {
  joinsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

export async function benchEndpoint(
  options: { joins?: number; concurrency?: number; people?: number } = {},
): Promise<EndpointBench> {
  const joins = options.joins ?? 3000;
  const concurrency = options.concurrency ?? 8;
  const livekit = await startLiveKit();
  const dir = mkdtempSync(join(tmpdir(), 'hashdrop-bench-'));
  const port = await freePort();
  // The endpoint runs as its own process (the real CLI), so the load generator does not share its event loop.
  const server = spawnGuarded(process.execPath, ['--import', 'tsx', 'src/server/cli.ts'], {
    logFile: join(dir, 'server.log'),
    cwd: ROOT,
    env: {
      ...process.env,
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      HASHDROP_DB: join(dir, 'bench.db'),
      HASHDROP_SECRET: 'bench-secret-0123456789abcdef',
      HASHDROP_RATE_LIMIT: 'off',
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
    },
  });
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const post = (path: string, credential: string | null, body?: unknown) =>
    new Promise<{ status: number; body: any }>((resolve, reject) => {
      const payload = body === undefined ? '' : JSON.stringify(body);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path: `/api${path}`,
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(payload),
            ...(credential ? { authorization: `Bearer ${credential}` } : {}),
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
          );
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('request timed out')));
      req.on('error', reject);
      req.end(payload);
    });
  try {
    await waitFor('hashdrop-server', async () => (await post('/identity', null)).status === 201, {
      failed: server.exited,
    });
    const people: string[] = [];
    for (let i = 0; i < (options.people ?? 50); i += 1) people.push((await post('/identity', null)).body.credential);
    const created = await post('/rooms', people[0]!, { policy: { waitingRoom: false, maxParticipants: 64 } });
    const roomId = created.body.room.id as string;
    // Warm-up: the first join opens the LiveKit room; two thousand more warm the JIT and the connections.
    for (let i = 0; i < 2000; i += 1)
      await post(`/rooms/${roomId}/join`, people[i % people.length]!, { displayName: 'W' });

    const latencies: number[] = [];
    let next = 0;
    let failures = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < joins) {
          const i = next++;
          const t0 = performance.now();
          const reply = await post(`/rooms/${roomId}/join`, people[i % people.length]!, { displayName: `P${i}` });
          latencies.push(performance.now() - t0);
          if (reply.status !== 200) failures += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    if (failures > 0) throw new Error(`${failures} joins were not admitted`);
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
    return {
      joinsPerSecond: Math.round(joins / seconds),
      p50Ms: Number(pct(0.5).toFixed(2)),
      p99Ms: Number(pct(0.99).toFixed(2)),
      requests: joins,
    };
  } finally {
    agent.destroy();
    await server.stop();
    await livekit.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchEndpoint();
  console.log(
    `endpoint join (SQLite, loopback): ${result.joinsPerSecond} joins/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms over ${result.requests} joins`,
  );
}
