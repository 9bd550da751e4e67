/**
 * Starts a crowd of stage listeners joined through the endpoint (listener-process.ts) and waits until all are in. They
 * are spread over several small processes: @livekit/rtc-node hands every event of the process to every Room in it, so
 * one process of N listeners does work growing with N³ and, past about a hundred, its event loop falls so far behind
 * that the SDK drops rooms mid-connect. Each process stops when `stop()` closes its stdin, or when this process ends
 * (the pipe closes with it).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ListenerOptions {
  /** The endpoint's base URL, e.g. http://127.0.0.1:PORT/api. */
  endpoint: string;
  /** The room id or code. */
  room: string;
  count: number;
  /** How many of them subscribe to the stage's tracks (the rest only stay connected). */
  subscribers: number;
}

/** What one listener process is given: its share of the crowd, numbered from `first`. */
export interface ListenerShare extends ListenerOptions {
  first: number;
}

export interface Listeners {
  /** Identities LiveKit disconnected (none is expected). */
  readonly disconnected: string[];
  /** Subscribing listeners that receive a track from the stage. */
  readonly subscribed: ReadonlySet<string>;
  stop(): Promise<void>;
}

/** Listeners per process. */
const PER_PROCESS = 30;
/** Each join is an endpoint round trip and a full WebRTC handshake on a busy 2-core machine; bounded all the same. */
const READY_WITHIN_MS = 300_000;

export async function startListeners(options: ListenerOptions): Promise<Listeners> {
  const disconnected: string[] = [];
  const subscribed = new Set<string>();
  const shares: ListenerShare[] = [];
  for (let first = 0; first < options.count; first += PER_PROCESS) {
    shares.push({ ...options, first, count: Math.min(PER_PROCESS, options.count - first) });
  }
  const started = await Promise.allSettled(shares.map((share) => startShare(share, disconnected, subscribed)));
  const stops = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = async () => {
    await Promise.all(stops.map((stopShare) => stopShare()));
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  return { disconnected, subscribed, stop };
}

async function startShare(
  share: ListenerShare,
  disconnected: string[],
  subscribed: Set<string>,
): Promise<() => Promise<void>> {
  const env = { ...process.env };
  // A plain process, not one of the test runner's children (rtc-node's joins stall inside the runner's process).
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', new URL('./listener-process.ts', import.meta.url).pathname, JSON.stringify(share)],
    { stdio: ['pipe', 'pipe', 'pipe'], env },
  );
  // The end of its error output, to say why it stopped early.
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors = (errors + chunk.toString()).slice(-2000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    child.stdin.end();
    await exited;
  };
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`listeners not ready within ${READY_WITHIN_MS} ms`)),
      READY_WITHIN_MS,
    );
    lines.on('line', (line) => {
      const [word, identity = ''] = line.split(' ');
      if (word === 'disconnected') return void disconnected.push(identity);
      if (word === 'subscribed') return void subscribed.add(identity);
      if (line.startsWith('ready')) resolve();
      else if (line.startsWith('failed')) reject(new Error(`listeners: ${line}`));
      else return;
      clearTimeout(timer);
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`listener process exited before it was ready: ${errors}`));
    });
  });
  try {
    await ready;
  } catch (error) {
    await stop();
    throw error;
  }
  return stop;
}
