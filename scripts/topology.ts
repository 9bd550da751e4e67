/**
 * The multi-instance deployment on loopback, from real processes: one Redis (Debian's redis-server), two
 * livekit-server nodes clustered on it, one PostgreSQL, and two endpoint instances (`src/server/cli.ts`, each its own
 * Node process) on that database. LiveKit node 1 sends its webhooks to instance A, node 2 to instance B. A round-robin
 * TCP proxy stands in front of the endpoint instances and another in front of the LiveKit nodes, as the operator's
 * load balancers would (docs/deployment.md); tests may also talk to one instance directly.
 *
 * `startTopology()` returns the URLs and handles to kill, stop gracefully (SIGTERM) and restart one endpoint instance
 * or crash and restart one LiveKit node; `stop()` ends everything. Every process is stdin-guarded (processes.ts).
 *
 *   npx tsx scripts/topology.ts     starts it, prints the URLs, runs until Ctrl-C
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startLiveKit, type LiveKitServer } from './livekit.js';
import { createDatabase, startPostgres } from './postgres.js';
import { freePort, isAlive, spawnGuarded, waitFor, type GuardedProcess } from './processes.js';
import { startRedis, type RedisServer } from './redis.js';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.js';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
/** A SIGTERM'd instance answers its long-polls at once and waits at most this long for other requests. */
const SHUTDOWN_GRACE_MS = 5000;

export type InstanceName = 'A' | 'B';

export interface EndpointInstance {
  name: InstanceName;
  port: number;
  /** This instance's API, bypassing the proxy: `http://127.0.0.1:PORT/api`. */
  base: string;
  logFile: string;
  /** Whether the process is up (false after `kill()` or `terminate()`, until `restart()`). */
  readonly running: boolean;
  /** SIGKILL, as a crash: no request is answered, nothing is closed. */
  kill(): Promise<void>;
  /** SIGTERM, as an orchestrator stopping it; resolves once the process has exited by itself. */
  terminate(): Promise<void>;
  /** Starts the instance again on the same port (stopping it first if it runs); resolves when it is ready. */
  restart(): Promise<void>;
}

export interface LiveKitNode {
  name: string;
  server: LiveKitServer;
  /** The instance this node sends its webhooks to. */
  webhookTo: InstanceName;
  /** The node id it registered in Redis (read from its log; a restarted node has a new one). */
  nodeId(): string | null;
}

export interface Topology {
  /** The endpoint through the proxy (round-robin over the instances that accept connections). */
  base: string;
  endpoints: Record<InstanceName, EndpointInstance>;
  livekit: {
    /** ws:// URL of the proxy in front of the nodes: what the endpoints hand to clients. */
    url: string;
    apiKey: string;
    apiSecret: string;
    nodes: [LiveKitNode, LiveKitNode];
    /** The node hosting a LiveKit room now (from LiveKit's own routing table in Redis), or null. */
    nodeOfRoom(roomName: string): Promise<LiveKitNode | null>;
  };
  databaseUrl: string;
  redis: RedisServer;
  /** The identity secret both instances share. */
  secret: string;
  stop(): Promise<void>;
}

export interface TopologyOptions {
  /** Extra environment for both endpoint instances (e.g. `HASHDROP_RATE_LIMIT: 'off'` for a load test). */
  endpointEnv?: Record<string, string>;
}

export async function startTopology(options: TopologyOptions = {}): Promise<Topology> {
  const cleanup: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of cleanup.reverse()) await step().catch(() => {});
  };
  try {
    const ports: Record<InstanceName, number> = { A: await freePort(), B: await freePort() };
    const secret = randomBytes(32).toString('hex');
    const apiKey = 'topology';
    const apiSecret = randomBytes(24).toString('hex');

    const [redis, postgres] = await Promise.all([startRedis(), startPostgres()]);
    cleanup.push(
      () => redis.stop(),
      () => postgres.stop(),
    );
    const databaseUrl = await createDatabase(postgres.url, `topology_${randomBytes(6).toString('hex')}`);

    const cluster = { redisAddress: redis.address, apiKey, apiSecret };
    const webhookTo: InstanceName[] = ['A', 'B'];
    const servers = await Promise.all(
      webhookTo.map((instance) =>
        startLiveKit({ cluster, webhookUrl: `http://127.0.0.1:${ports[instance]}/api/livekit/webhook` }),
      ),
    );
    for (const server of servers) cleanup.push(() => server.stop());
    const nodes = servers.map((server, i) => liveKitNode(`livekit-${i + 1}`, server, webhookTo[i]!)) as [
      LiveKitNode,
      LiveKitNode,
    ];
    const livekitProxy = await startTcpProxy(servers.map((server) => Number(new URL(server.httpUrl).port)));
    cleanup.push(() => livekitProxy.stop());
    const livekitUrl = `ws://127.0.0.1:${livekitProxy.port}`;

    const env = {
      LIVEKIT_URL: livekitUrl,
      LIVEKIT_API_KEY: apiKey,
      LIVEKIT_API_SECRET: apiSecret,
      DATABASE_URL: databaseUrl,
      HASHDROP_SECRET: secret,
      HASHDROP_SHUTDOWN_GRACE_MS: String(SHUTDOWN_GRACE_MS),
      HOST: '127.0.0.1',
      ...options.endpointEnv,
    };
    // One after the other: both run the schema migrations on start (under a lock, but there is no need to race).
    const a = await endpointInstance('A', ports.A, env);
    cleanup.push(() => a.stopForGood());
    const b = await endpointInstance('B', ports.B, env);
    cleanup.push(() => b.stopForGood());
    const endpointProxy: TcpProxy = await startTcpProxy([ports.A, ports.B]);
    cleanup.push(() => endpointProxy.stop());

    return {
      base: `http://127.0.0.1:${endpointProxy.port}/api`,
      endpoints: { A: a.instance, B: b.instance },
      livekit: {
        url: livekitUrl,
        apiKey,
        apiSecret,
        nodes,
        async nodeOfRoom(roomName) {
          const nodeId = await redis.command('HGET', 'room_node_map', roomName);
          return nodes.find((node) => nodeId !== null && node.nodeId() === nodeId) ?? null;
        },
      },
      databaseUrl,
      redis,
      secret,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function liveKitNode(name: string, server: LiveKitServer, webhookTo: InstanceName): LiveKitNode {
  return {
    name,
    server,
    webhookTo,
    nodeId() {
      if (!server.logFile) return null;
      const starts = [...readFileSync(server.logFile, 'utf8').matchAll(/starting LiveKit server.*?"nodeID": "(\w+)"/g)];
      return starts.at(-1)?.[1] ?? null;
    },
  };
}

/** One endpoint instance as its own Node process running the CLI, as an operator would run it. */
async function endpointInstance(
  name: InstanceName,
  port: number,
  env: Record<string, string>,
): Promise<{ instance: EndpointInstance; stopForGood(): Promise<void> }> {
  const logFile = join(mkdtempSync(join(tmpdir(), `hashdrop-endpoint-${name}-`)), 'endpoint.log');
  const base = `http://127.0.0.1:${port}/api`;
  let child: GuardedProcess | null = null;

  const start = async () => {
    const started = spawnGuarded(process.execPath, ['--import', 'tsx', 'src/server/cli.ts'], {
      logFile,
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(port) },
    });
    child = started;
    await waitFor(
      `endpoint ${name} (log: ${logFile})`,
      async () => (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(1000) })).ok,
      { failed: started.exited, timeoutMs: 60_000 },
    );
  };
  const halt = async () => {
    const current = child;
    child = null;
    await current?.stop();
  };

  const instance: EndpointInstance = {
    name,
    port,
    base,
    logFile,
    get running() {
      return child !== null;
    },
    async kill() {
      const current = child;
      child = null;
      await current?.kill();
    },
    async terminate() {
      const current = child;
      if (!current) return;
      const pid = current.signal('SIGTERM');
      if (pid !== null) {
        await waitFor(`endpoint ${name} to exit after SIGTERM`, async () => !isAlive(pid), {
          timeoutMs: SHUTDOWN_GRACE_MS + 10_000,
        });
      }
      await halt();
    },
    async restart() {
      await halt();
      await start();
    },
  };
  await start();
  return { instance, stopForGood: halt };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const topology = await startTopology();
  console.log(`endpoint (proxy): ${topology.base}`);
  for (const e of Object.values(topology.endpoints)) console.log(`endpoint ${e.name}: ${e.base} (log ${e.logFile})`);
  console.log(`livekit (proxy): ${topology.livekit.url}`);
  for (const n of topology.livekit.nodes) console.log(`${n.name}: ${n.server.url} (log ${n.server.logFile})`);
  console.log('Ctrl-C stops everything.');
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await topology.stop();
}
