/**
 * Endpoint benchmark: joins per second and p50/p99 latency of `POST /rooms/{id}/join` with SQLite, over loopback,
 * against a real livekit-server. Bounded: a fixed number of joins at a fixed concurrency. Rate limits are off
 * (every request comes from 127.0.0.1); 50 people re-join one open room, so every join is admitted and signed.
 * The hot path is: verify the bearer credential, read the room and the caller's latest knock (SQLite), claim a seat
 * (one transaction, which also checks the ban), sign a token — the LiveKit room is opened once and its live state is
 * refreshed at most every 2 s, not per join.
 *
 * On a small machine the load generator, livekit-server and anything else running share the cores with the endpoint,
 * so throughput and p99 move with the machine's load. The CPU the endpoint process spends per join (read from
 * /proc, Linux only) moves less, but still by about a tenth from run to run here. So the endpoint and the floor are
 * measured in rounds, back to back in alternating order, and the endpoint's CPU per join as a multiple of the floor's
 * (the median of the rounds) is the figure to compare when judging a change to the server.
 *
 * Judging a change to the server: with HASHDROP_BENCH_AGAINST=<another build's dist/npm/server/cli.js> (say, main's,
 * copied aside before the change), that build takes the floor's place, on the same database file, and the ratio is the
 * change's CPU per join as a fraction of the other's. Rounds of the same build against itself vary by about a tenth,
 * so compare over many (HASHDROP_BENCH_ROUNDS=30 gave medians within 0.01 of 1 here).
 *
 * With HASHDROP_BENCH_CPU_PROF=<dir>, the endpoint runs under `node --cpu-prof` and leaves its profile in <dir> when
 * the bench stops it (open it in Chrome DevTools' Performance panel, or sum its self time by function).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join as joinPath, resolve as resolvePath } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLiveKit } from '../scripts/livekit.js';
import { freePort, spawnGuarded, waitFor } from '../scripts/processes.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/**
 * The endpoint as operators run it: the package's built `hashdrop-server`. Run from the TypeScript sources through
 * tsx instead, it spent about a tenth more CPU per join (tsx keeps function names with a call per closure made).
 */
const SERVER_CLI = 'dist/npm/server/cli.js';

export interface EndpointBench {
  /** Throughput and latency over every measured join (all rounds). */
  joinsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /**
   * CPU time (user + system) of the endpoint process per join, in µs: the median of the rounds; null where /proc is
   * unavailable.
   */
  serverCpuUsPerJoin: number | null;
  /** CPU time of the load generator (this process) per measured join, in µs. */
  clientCpuUsPerJoin: number;
  /**
   * The floor, in the same rounds: a bare `node:http` server (no framework, no store, no signing) that reads the same
   * request's body and answers with the same bytes a join answered, driven by the same load generator. What a request
   * of this shape costs Node and the kernel on this machine before any of the endpoint's own work.
   */
  floor: { requestsPerSecond: number; p50Ms: number; p99Ms: number; serverCpuUsPerRequest: number | null };
  /**
   * Per round (the endpoint and the floor back to back, their order alternating): CPU per request of each, µs, and
   * the endpoint's as a multiple of the floor's. The machine's state drifts between rounds; within one it is shared.
   */
  rounds: { endpointUs: number | null; floorUs: number | null; ratio: number | null }[];
  /** The median of the rounds' ratios: the endpoint's CPU per join as a multiple of the floor's. */
  ratioToFloor: number | null;
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

/** Unmeasured rounds of each server before the measured ones. */
const WARM_UP_ROUNDS = 4;

/** What one server did over its rounds: every request's latency, the time taken, and CPU per round. */
interface LoadTally {
  latencies: number[];
  seconds: number;
  count: number;
  /** CPU of the server process per request in each round, µs (null where /proc is unavailable). */
  serverCpuUs: (number | null)[];
  clientCpuUs: number;
  failures: number;
}

const newTally = (): LoadTally => ({
  latencies: [],
  seconds: 0,
  count: 0,
  serverCpuUs: [],
  clientCpuUs: 0,
  failures: 0,
});

/**
 * One round: `count` requests from `concurrency` keep-alive connections, added to `tally`; the server's CPU read from
 * /proc around them.
 */
async function drive(
  tally: LoadTally,
  count: number,
  concurrency: number,
  serverPid: number | null,
  send: (i: number) => Promise<{ status: number }>,
): Promise<void> {
  let next = 0;
  const serverCpu0 = serverPid ? threadsCpuUs(serverPid) : null;
  const clientCpu0 = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        const reply = await send(i);
        tally.latencies.push(performance.now() - t0);
        if (reply.status !== 200) tally.failures += 1;
      }
    }),
  );
  tally.seconds += (performance.now() - started) / 1000;
  tally.count += count;
  const clientCpu = process.cpuUsage(clientCpu0);
  tally.clientCpuUs += clientCpu.user + clientCpu.system;
  const serverCpu1 = serverPid ? threadsCpuUs(serverPid) : null;
  tally.serverCpuUs.push(serverCpu0 !== null && serverCpu1 !== null ? (serverCpu1 - serverCpu0) / count : null);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Throughput, latency percentiles and the median round's CPU of a tally. */
function summary(tally: LoadTally) {
  const latencies = [...tally.latencies].sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))]!;
  const cpu = tally.serverCpuUs.filter((value): value is number => value !== null);
  return {
    perSecond: Math.round(tally.count / tally.seconds),
    p50Ms: Number(pct(0.5).toFixed(2)),
    p99Ms: Number(pct(0.99).toFixed(2)),
    serverCpuUs: cpu.length === tally.serverCpuUs.length ? Math.round(median(cpu)) : null,
    clientCpuUs: Math.round(tally.clientCpuUs / tally.count),
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

/**
 * CPU time of a process's threads now, in µs, to the nanosecond: the sum of each thread's run time in
 * /proc/<pid>/task/<tid>/schedstat. A round of the floor spends some 50 ms of CPU, five of /proc/<pid>/stat's clock
 * ticks, too coarse to compare. Threads that ended are not counted (a Node server keeps its threads); falls back to
 * the clock ticks where schedstat is unavailable.
 */
function threadsCpuUs(pid: number): number | null {
  try {
    let ns = 0;
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
    }
    return ns / 1000;
  } catch {
    return processCpuUs(pid);
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
  options: {
    joins?: number;
    rounds?: number;
    concurrency?: number;
    people?: number;
    /** Another build's CLI (its dist/npm/server/cli.js) to run in the floor's place: see the file's comment. */
    against?: string;
  } = {},
): Promise<EndpointBench> {
  const joins = options.joins ?? 8000;
  const rounds = options.rounds ?? 8;
  const concurrency = options.concurrency ?? 8;
  for (const cli of [SERVER_CLI, options.against ?? SERVER_CLI]) {
    if (!existsSync(resolvePath(ROOT, cli)))
      throw new Error(`No ${cli}: build the npm package first (npm run build:npm)`);
  }
  const livekit = await startLiveKit();
  const dir = mkdtempSync(joinPath(tmpdir(), 'hashdrop-bench-'));
  const port = await freePort();
  // The endpoint runs as its own process (the built CLI), so the load generator does not share its event loop. A
  // build it is compared with runs beside it on the same database file (two processes sharing SQLite, as supported).
  const startEndpoint = (cli: string, listenOn: number, name: string, flags: string[] = []) =>
    spawnGuarded(process.execPath, [...flags, cli], {
      logFile: joinPath(dir, `${name}.log`),
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
        PORT: String(listenOn),
        HOST: '127.0.0.1',
      },
    });
  const profileDir = process.env.HASHDROP_BENCH_CPU_PROF;
  const server = startEndpoint(
    SERVER_CLI,
    port,
    'server',
    profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  );
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
    const sendJoin = (i: number) => post(`/rooms/${roomId}/join`, people[i % people.length]!, { displayName: `P${i}` });
    // The floor: the same requests, answered with the bytes a join answered, by Node's HTTP alone (or another build).
    const floorPort = await freePort();
    const sample = await sendJoin(0);
    floorServer = options.against
      ? startEndpoint(resolvePath(ROOT, options.against), floorPort, 'against')
      : spawnGuarded(process.execPath, ['-e', FLOOR_SERVER], {
          logFile: joinPath(dir, 'floor.log'),
          env: { ...process.env, PORT: String(floorPort), FLOOR_ANSWER: sample.text },
        });
    const sendFloor = (i: number) =>
      post(`/rooms/${roomId}/join`, people[i % people.length]!, { displayName: `P${i}` }, floorPort);
    await waitFor('floor server', async () => (await sendFloor(0)).status === 200, { failed: floorServer.exited });

    const endpointPid = childPid(server.pid);
    const floorPid = childPid(floorServer.pid);
    const perRound = Math.ceil(joins / rounds);
    // Warm-up, not counted: rounds as the measured ones, at the same concurrency, until both servers' JIT and the
    // machine have settled. Warmed one request at a time, the first measured rounds still cost up to twice the later
    // ones, the floor's as much as the endpoint's.
    for (let round = 0; round < WARM_UP_ROUNDS; round += 1) {
      await drive(newTally(), perRound, concurrency, endpointPid, sendJoin);
      await drive(newTally(), perRound, concurrency, floorPid, sendFloor);
    }

    // Rounds, the endpoint and the floor back to back in alternating order, so both see the machine as it is then.
    const measured = newTally();
    const floorTally = newTally();
    for (let round = 0; round < rounds; round += 1) {
      const endpointRound = () => drive(measured, perRound, concurrency, endpointPid, sendJoin);
      const floorRound = () => drive(floorTally, perRound, concurrency, floorPid, sendFloor);
      if (round % 2 === 0) await endpointRound().then(floorRound);
      else await floorRound().then(endpointRound);
    }
    if (measured.failures > 0) throw new Error(`${measured.failures} joins were not admitted`);
    const endpoint = summary(measured);
    const floor = summary(floorTally);
    const byRound = measured.serverCpuUs.map((endpointUs, round) => {
      const floorUs = floorTally.serverCpuUs[round] ?? null;
      return {
        endpointUs: endpointUs === null ? null : Math.round(endpointUs),
        floorUs: floorUs === null ? null : Math.round(floorUs),
        ratio: endpointUs === null || floorUs === null ? null : Number((endpointUs / floorUs).toFixed(2)),
      };
    });
    const ratios = byRound.map((round) => round.ratio).filter((ratio): ratio is number => ratio !== null);
    return {
      joinsPerSecond: endpoint.perSecond,
      p50Ms: endpoint.p50Ms,
      p99Ms: endpoint.p99Ms,
      requests: measured.count,
      serverCpuUsPerJoin: endpoint.serverCpuUs,
      clientCpuUsPerJoin: endpoint.clientCpuUs,
      floor: {
        requestsPerSecond: floor.perSecond,
        p50Ms: floor.p50Ms,
        p99Ms: floor.p99Ms,
        serverCpuUsPerRequest: floor.serverCpuUs,
      },
      rounds: byRound,
      ratioToFloor: ratios.length === byRound.length ? Number(median(ratios).toFixed(2)) : null,
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
      `; CPU per join: endpoint ${result.serverCpuUsPerJoin ?? '?'} µs (${result.ratioToFloor ?? '?'}× the floor), ` +
      `load generator ${result.clientCpuUsPerJoin} µs`,
  );
}
