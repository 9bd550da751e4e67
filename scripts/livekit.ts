/**
 * The real LiveKit server for tests, benchmarks and `npm start`.
 *
 * - `findLiveKitBinary()`: `$LIVEKIT_SERVER_BIN`, then `livekit-server` on PATH, then our cached build; otherwise it builds
 *   the pinned release with `go install` into the cache.
 * - `startLiveKit()`: dev mode bound to 127.0.0.1 on free ports, ICE restricted to loopback, optional webhook URL; waits
 *   until the server answers; stops with us (see processes.ts).
 * - If `LIVEKIT_URL`, `LIVEKIT_API_KEY` and `LIVEKIT_API_SECRET` are set, that server is used instead and nothing starts.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
  accessSync,
  constants,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { freePort, spawnGuarded, waitFor, type GuardedProcess } from './processes.js';

export const LIVEKIT_SERVER_VERSION = 'v1.13.5';
const GO_PACKAGE = 'github.com/livekit/livekit-server/cmd/server';

export interface LiveKitServer {
  /** ws:// URL for clients. */
  url: string;
  /** http:// URL for RoomService / Egress API calls. */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  /** True when the server came from the environment and is not ours to stop. */
  external: boolean;
  logFile: string | null;
  stop(): Promise<void>;
  /** Kills the server as a crash would (SIGKILL: clients get no leave message); `restart()` brings it back. */
  crash(): Promise<void>;
  /**
   * Starts the server again (after `crash()` or `stop()`) on the same ports with the same keys, so clients reach it at
   * the same URL. Dev mode keeps no state: rooms and participants are gone, clients must join again.
   */
  restart(): Promise<void>;
}

export function cacheDir(): string {
  return process.env.HASHDROP_CACHE_DIR ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'hashdrop');
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && isExecutable(candidate)) return candidate;
  }
  return null;
}

function versionOf(binary: string): string | null {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8', timeout: 10_000 });
  return /(\d+\.\d+\.\d+)/.exec(`${result.stdout}${result.stderr}`)?.[1] ?? null;
}

/** Finds the livekit-server binary, building the pinned release when none is found. */
export function findLiveKitBinary(log: (line: string) => void = (line) => console.error(line)): string {
  const fromEnv = process.env.LIVEKIT_SERVER_BIN;
  if (fromEnv) {
    if (!isExecutable(fromEnv)) throw new Error(`LIVEKIT_SERVER_BIN=${fromEnv} is not an executable file.`);
    return fromEnv;
  }
  const fromPath = onPath('livekit-server');
  if (fromPath) return fromPath;

  const binDir = join(cacheDir(), 'livekit-server', LIVEKIT_SERVER_VERSION, 'bin');
  const cached = join(binDir, 'server');
  if (isExecutable(cached) && versionOf(cached) === LIVEKIT_SERVER_VERSION.slice(1)) return cached;

  const go = onPath('go') ?? (isExecutable('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
  if (!go) {
    throw new Error(
      'livekit-server was not found (LIVEKIT_SERVER_BIN, PATH, or the cache) and Go is not installed to build it. ' +
        `Install Go and re-run, put livekit-server ${LIVEKIT_SERVER_VERSION} on PATH, or set LIVEKIT_URL, ` +
        'LIVEKIT_API_KEY and LIVEKIT_API_SECRET to use a running server.',
    );
  }
  mkdirSync(binDir, { recursive: true });
  log(
    `[livekit] building livekit-server ${LIVEKIT_SERVER_VERSION} with go install into ${binDir} (a few minutes, once)…`,
  );
  const started = Date.now();
  try {
    execFileSync(go, ['install', `${GO_PACKAGE}@${LIVEKIT_SERVER_VERSION}`], {
      env: { ...process.env, GOBIN: binDir, GOFLAGS: '-mod=mod' },
      stdio: ['ignore', 'inherit', 'inherit'],
      cwd: tmpdir(),
    });
  } catch (error) {
    throw new Error(`go install ${GO_PACKAGE}@${LIVEKIT_SERVER_VERSION} failed: ${(error as Error).message}`);
  }
  log(`[livekit] built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (!isExecutable(cached)) throw new Error(`go install finished but ${cached} is missing.`);
  return cached;
}

export interface StartOptions {
  /** LiveKit posts its webhooks here (signed with the server's API key). */
  webhookUrl?: string;
  /** Seconds an empty room lives after the last participant leaves (LiveKit's departure_timeout). */
  departureTimeout?: number;
  /** Where to put the config and log; a fresh temp dir by default. */
  workDir?: string;
  /**
   * One node of a cluster: the nodes share this Redis (`host:port`) and these keys. A cluster node is always started
   * here, never taken from the environment.
   */
  cluster?: { redisAddress: string; apiKey: string; apiSecret: string };
}

function fromEnvironment(): LiveKitServer | null {
  const { LIVEKIT_URL, LIVEKIT_API_KEY, LIVEKIT_API_SECRET } = process.env;
  if (!LIVEKIT_URL || !LIVEKIT_API_KEY || !LIVEKIT_API_SECRET) return null;
  return {
    url: LIVEKIT_URL,
    httpUrl: LIVEKIT_URL.replace(/^ws/, 'http'),
    apiKey: LIVEKIT_API_KEY,
    apiSecret: LIVEKIT_API_SECRET,
    external: true,
    logFile: null,
    stop: async () => {},
    crash: () => Promise.reject(new Error('The LiveKit server named by LIVEKIT_URL is not ours to crash.')),
    restart: () => Promise.reject(new Error('The LiveKit server named by LIVEKIT_URL is not ours to restart.')),
  };
}

/** Config for a single loopback-only node: every ICE candidate is 127.0.0.1, nothing is discovered from outside. */
export function liveKitConfig(options: {
  port: number;
  tcpPort: number;
  udpPort: number;
  apiKey: string;
  apiSecret: string;
  webhookUrl?: string;
  departureTimeout?: number;
  /** Several nodes route rooms and signal connections through one Redis. */
  redisAddress?: string;
}): string {
  return stringify({
    port: options.port,
    bind_addresses: ['127.0.0.1'],
    rtc: {
      tcp_port: options.tcpPort,
      udp_port: options.udpPort,
      use_external_ip: false,
      node_ip: '127.0.0.1',
      enable_loopback_candidate: true,
      use_mdns: false,
      interfaces: { includes: ['lo'] },
      ips: { includes: ['127.0.0.1/32'] },
    },
    keys: { [options.apiKey]: options.apiSecret },
    logging: { level: 'info' },
    room: { auto_create: true, empty_timeout: 60, departure_timeout: options.departureTimeout ?? 1 },
    ...(options.webhookUrl ? { webhook: { api_key: options.apiKey, urls: [options.webhookUrl] } } : {}),
    ...(options.redisAddress ? { redis: { address: options.redisAddress } } : {}),
  });
}

/** What livekit-server logs when a port was taken after get-port found it free; it then never answers. */
const PORT_TAKEN = 'address already in use';
/** Fresh ports per attempt: other test runs on the machine pick free ports at the same moment. */
const START_ATTEMPTS = 3;

class PortTakenError extends Error {}

/** Runs the server with `configFile` and waits until it answers; fails fast when one of its ports was taken. */
async function launch(binary: string, configFile: string, logFile: string, httpUrl: string): Promise<GuardedProcess> {
  const logStart = existsSync(logFile) ? statSync(logFile).size : 0;
  const child = spawnGuarded(binary, ['--dev', '--config', configFile, '--bind', '127.0.0.1'], { logFile });
  let portTaken = false;
  let reportTaken: () => void = () => {};
  const taken = new Promise<void>((resolve) => (reportTaken = resolve));
  try {
    await waitFor(
      `livekit-server (log: ${logFile})`,
      async () => {
        if (readFileSync(logFile, 'utf8').slice(logStart).includes(PORT_TAKEN)) {
          portTaken = true;
          reportTaken();
        }
        return (await fetch(httpUrl, { signal: AbortSignal.timeout(1000) })).ok;
      },
      { failed: Promise.race([child.exited, taken]) },
    );
    return child;
  } catch (error) {
    await child.stop();
    throw portTaken ? new PortTakenError(`livekit-server: a port was taken (log: ${logFile})`) : error;
  }
}

/** Starts a LiveKit server (or returns the one named by the environment). */
export async function startLiveKit(options: StartOptions = {}): Promise<LiveKitServer> {
  const external = options.cluster ? null : fromEnvironment();
  if (external) return external;

  const binary = findLiveKitBinary();
  const workDir = options.workDir ?? mkdtempSync(join(tmpdir(), 'hashdrop-livekit-'));
  if (!existsSync(workDir)) mkdirSync(workDir, { recursive: true });
  const apiKey = options.cluster?.apiKey ?? 'devkey';
  const apiSecret = options.cluster?.apiSecret ?? randomBytes(24).toString('hex');
  const { cluster, ...configOptions } = options;
  const configFile = join(workDir, 'livekit.yaml');
  const logFile = join(workDir, 'livekit.log');

  for (let attempt = 1; ; attempt++) {
    // get-port holds each port it hands out for a while, so the three differ.
    const [port, tcpPort, udpPort] = [await freePort(), await freePort(), await freePort()];
    const config = liveKitConfig({
      port,
      tcpPort,
      udpPort,
      apiKey,
      apiSecret,
      ...configOptions,
      ...(cluster ? { redisAddress: cluster.redisAddress } : {}),
    });
    writeFileSync(configFile, config, { mode: 0o600 });
    const httpUrl = `http://127.0.0.1:${port}`;
    try {
      const child = await launch(binary, configFile, logFile, httpUrl);
      return serverHandle({
        port,
        httpUrl,
        apiKey,
        apiSecret,
        logFile,
        child,
        relaunch: () => launch(binary, configFile, logFile, httpUrl),
      });
    } catch (error) {
      if (!(error instanceof PortTakenError) || attempt >= START_ATTEMPTS) throw error;
    }
  }
}

function serverHandle(started: {
  port: number;
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  logFile: string;
  child: GuardedProcess;
  relaunch: () => Promise<GuardedProcess>;
}): LiveKitServer {
  const { port, httpUrl, apiKey, apiSecret, logFile, relaunch } = started;
  let child: GuardedProcess | null = started.child;
  const running = (): GuardedProcess | null => {
    const current = child;
    child = null;
    return current;
  };
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl,
    apiKey,
    apiSecret,
    external: false,
    logFile,
    stop: async () => running()?.stop(),
    crash: async () => running()?.kill(),
    restart: async () => {
      await running()?.stop();
      child = await relaunch();
    },
  };
}
