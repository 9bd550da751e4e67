/**
 * Endpoint benchmark: joins per second and p50/p99 latency of `POST /rooms/{id}/join` with SQLite, over loopback,
 * against a real livekit-server. Bounded: a fixed number of joins at a fixed concurrency. Rate limits are off
 * (every request comes from 127.0.0.1); 50 people re-join one open room, so every join is admitted and signed.
 * The hot path is: verify the bearer credential, read the room (SQLite), check bans and knocks, sign a token — the
 * LiveKit room is opened once and its live state is refreshed at most every 2 s, not per join.
 *
 * On a small machine the load generator, livekit-server and anything else running share the cores with the endpoint,
 * so throughput and p99 move with the machine's load. The CPU the endpoint process spends per join (read from
 * /proc, Linux only) does not, and is the figure to compare when judging a change to the server.
 *
 * With HASHDROP_BENCH_CPU_PROF=<dir>, the endpoint runs under `node --cpu-prof` and leaves its profile in <dir> when
 * the bench stops it (open it in Chrome DevTools' Performance panel, or sum its self time by function).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
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
  /** CPU time (user + system) of the endpoint process per measured join, in µs; null where /proc is unavailable. */
  serverCpuUsPerJoin: number | null;
  /** CPU time of the load generator (this process) per measured join, in µs. */
  clientCpuUsPerJoin: number;
  /**
   * The floor, in the same run: a bare `node:http` server (no framework, no store, no signing) that reads the same
   * request's body and answers with the same bytes a join answered, driven by the same load generator. What a request
   * of this shape costs Node and the kernel on this machine before any of the endpoint's own work.
   */
  floor: { requestsPerSecond: number; p50Ms: number; p99Ms: number; serverCpuUsPerRequest: number | null };
}

/** The floor's server: Node's own HTTP and nothing else. Its answer is the bytes a real join answered. */
const FLOOR_SERVER = `
const answer = Buffer.from(process.env.FLOOR_ANSWER, 'utf8');
require('node:http').createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': answer.length });
    response.end(answer);
  });
}).listen(Number(process.env.PORT), '127.0.0.1');
`;

interface LoadResult {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU of the server process per request, µs (null where /proc is unavailable). */
  serverCpuUs: number | null;
  clientCpuUs: number;
  failures: number;
}

/** `count` requests from `concurrency` keep-alive connections; the server's CPU read from /proc around them. */
async function drive(
  count: number,
  concurrency: number,
  serverPid: number | null,
  send: (i: number) => Promise<{ status: number }>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const serverCpu0 = serverPid ? processCpuUs(serverPid) : null;
  const clientCpu0 = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        const reply = await send(i);
        latencies.push(performance.now() - t0);
        if (reply.status !== 200) failures += 1;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const clientCpu = process.cpuUsage(clientCpu0);
  const serverCpu1 = serverPid ? processCpuUs(serverPid) : null;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  return {
    perSecond: Math.round(count / seconds),
    p50Ms: Number(pct(0.5).toFixed(2)),
    p99Ms: Number(pct(0.99).toFixed(2)),
    serverCpuUs: serverCpu0 !== null && serverCpu1 !== null ? Math.round((serverCpu1 - serverCpu0) / count) : null,
    clientCpuUs: Math.round((clientCpu.user + clientCpu.system) / count),
    failures,
  };
}

/** user + system CPU of a process and its threads in µs, from /proc/<pid>/stat (clock ticks of 1/100 s). */
export function processCpuUs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

/** The endpoint's node process: the guard's child (spawnGuarded runs the service under a small `sh`). */
function childPid(guardPid: number): number | null {
  try {
    const children = readFileSync(`/proc/${guardPid}/task/${guardPid}/children`, 'utf8').trim().split(/\s+/);
    return children[0] ? Number(children[0]) : null;
  } catch {
    return null;
  }
}

export async function benchEndpoint(
  options: { joins?: number; concurrency?: number; people?: number } = {},
): Promise<EndpointBench> {
  const joins = options.joins ?? 3000;
  const concurrency = options.concurrency ?? 8;
  const livekit = await startLiveKit();
  const dir = mkdtempSync(joinPath(tmpdir(), 'hashdrop-bench-'));
  const port = await freePort();
  // The endpoint runs as its own process (the real CLI), so the load generator does not share its event loop.
  const profileDir = process.env.HASHDROP_BENCH_CPU_PROF;
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  const server = spawnGuarded(process.execPath, [...profile, '--import', 'tsx', 'src/server/cli.ts'], {
    logFile: joinPath(dir, 'server.log'),
    cwd: ROOT,
    env: {
      ...process.env,
      LIVEKIT_URL: livekit.url,
      LIVEKIT_API_KEY: livekit.apiKey,
      LIVEKIT_API_SECRET: livekit.apiSecret,
      HASHDROP_DB: joinPath(dir, 'bench.db'),
      HASHDROP_SECRET: 'bench-secret-0123456789abcdef',
      HASHDROP_RATE_LIMIT: 'off',
      DATABASE_URL: '',
      PORT: String(port),
      HOST: '127.0.0.1',
    },
  });
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const post = (path: string, credential: string | null, body?: unknown, to = port) =>
    new Promise<{ status: number; text: string; body: { credential?: string; room?: { id: string } } }>(
      (resolve, reject) => {
        const payload = body === undefined ? '' : JSON.stringify(body);
        const req = request(
          {
            host: '127.0.0.1',
            port: to,
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
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              resolve({ status: res.statusCode ?? 0, text, body: JSON.parse(text) });
            });
          },
        );
        req.setTimeout(10_000, () => req.destroy(new Error('request timed out')));
        req.on('error', reject);
        req.end(payload);
      },
    );
  let floorServer: ReturnType<typeof spawnGuarded> | null = null;
  try {
    await waitFor('hashdrop-server', async () => (await post('/identity', null)).status === 201, {
      failed: server.exited,
    });
    const people: string[] = [];
    for (let i = 0; i < (options.people ?? 50); i += 1) people.push((await post('/identity', null)).body.credential!);
    const created = await post('/rooms', people[0]!, { policy: { waitingRoom: false, maxParticipants: 64 } });
    const roomId = created.body.room!.id;
    // Warm-up: the first join opens the LiveKit room; two thousand more warm the JIT and the connections.
    for (let i = 0; i < 2000; i += 1)
      await post(`/rooms/${roomId}/join`, people[i % people.length]!, { displayName: 'W' });

    const sendJoin = (i: number) => post(`/rooms/${roomId}/join`, people[i % people.length]!, { displayName: `P${i}` });
    const measured = await drive(joins, concurrency, childPid(server.pid), sendJoin);
    if (measured.failures > 0) throw new Error(`${measured.failures} joins were not admitted`);

    // The floor: the same requests, answered with the bytes a join answered, by Node's HTTP alone.
    const floorPort = await freePort();
    const sample = await sendJoin(0);
    floorServer = spawnGuarded(process.execPath, ['-e', FLOOR_SERVER], {
      logFile: joinPath(dir, 'floor.log'),
      env: { ...process.env, PORT: String(floorPort), FLOOR_ANSWER: sample.text },
    });
    const sendFloor = (i: number) =>
      post(`/rooms/${roomId}/join`, people[i % people.length]!, { displayName: `P${i}` }, floorPort);
    await waitFor('floor server', async () => (await sendFloor(0)).status === 200, { failed: floorServer.exited });
    for (let i = 0; i < 2000; i += 1) await sendFloor(i);
    const floor = await drive(joins, concurrency, childPid(floorServer.pid), sendFloor);
    return {
      joinsPerSecond: measured.perSecond,
      p50Ms: measured.p50Ms,
      p99Ms: measured.p99Ms,
      requests: joins,
      serverCpuUsPerJoin: measured.serverCpuUs,
      clientCpuUsPerJoin: measured.clientCpuUs,
      floor: {
        requestsPerSecond: floor.perSecond,
        p50Ms: floor.p50Ms,
        p99Ms: floor.p99Ms,
        serverCpuUsPerRequest: floor.serverCpuUs,
      },
    };
  } finally {
    agent.destroy();
    await floorServer?.stop();
    await server.stop();
    await livekit.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchEndpoint();
  console.log(
    `endpoint join (SQLite, loopback): ${result.joinsPerSecond} joins/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms over ${result.requests} joins` +
      `; CPU per join: endpoint ${result.serverCpuUsPerJoin ?? '?'} µs, load generator ${result.clientCpuUsPerJoin} µs`,
  );
}
