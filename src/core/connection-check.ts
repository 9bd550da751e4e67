/**
 * The pre-call check (`RoomSession.checkConnection`), fetched only when someone asks for it: a token for a throwaway
 * room from the endpoint (`POST /connection-check`), then, with a `Room` of its own, LiveKit's signal connection
 * (WebSocket, join answered), the media connection (ICE: `connect()` resolves once the peer connection is up) and a
 * short publish of a silent microphone track that the server acknowledges; then it leaves. The real call, its room
 * and the person's devices are never touched (the silent track needs no microphone, so no prompt either).
 */
import type { ConnectionCheckResponse } from '../contract/index.js';
import type { EndpointClient } from './endpoint-client.js';
import { loadLiveKit } from './livekit-call.js';
import type { LiveKit } from './livekit-connection.js';
import type { ConnectionCheckSnapshot, ConnectionCheckStep } from './snapshot.js';

/** How long one step may take before it counts as failed: a working network answers each in well under a second. */
export const STEP_TIMEOUT_MS = 8000;

type Report = (check: ConnectionCheckSnapshot) => void;

/** A step passes when its promise resolves; it fails when the promise rejects or outlasts the step's time. */
export type CheckSteps = ReadonlyArray<readonly [ConnectionCheckStep, () => Promise<unknown>]>;

/**
 * Runs the steps in order, each bounded by `timeoutMs`, reporting after each; the first failure ends the check (the
 * later steps depend on it). `now` is there for tests.
 */
export async function runSteps(
  steps: CheckSteps,
  report: Report,
  timeoutMs = STEP_TIMEOUT_MS,
  now = () => performance.now(),
): Promise<void> {
  const done: Array<ConnectionCheckSnapshot['steps'][number]> = [];
  report({ status: 'running', steps: [], failure: null });
  for (const [name, run] of steps) {
    const start = now();
    const ok = await bounded(run, timeoutMs).then(
      () => true,
      () => false,
    );
    done.push({ name, ok, ms: Math.round(now() - start) });
    if (!ok) return report({ status: 'failed', steps: [...done], failure: name });
    report({ status: 'running', steps: [...done], failure: null });
  }
  report({ status: 'passed', steps: done, failure: null });
}

/** The check before anyone asked for one. */
export const IDLE_CHECK: ConnectionCheckSnapshot = Object.freeze({ status: 'idle', steps: [], failure: null });

/** The sessions' endpoint clients with a check under way (`null`: a session with a plain token endpoint). */
const running = new Set<EndpointClient | null>();

/** The whole check against `endpoint` and the LiveKit server it names, unless its session already runs one. */
export async function checkConnection(endpoint: EndpointClient | null, report: Report): Promise<void> {
  if (running.has(endpoint)) return;
  running.add(endpoint);
  try {
    await checkOnce(endpoint, report);
  } finally {
    running.delete(endpoint);
  }
}

async function checkOnce(endpoint: EndpointClient | null, report: Report): Promise<void> {
  let probe: LiveKitProbe | null = null;
  // Set when the check is over: a token that arrives after its step timed out must not open a connection then.
  let over = false;
  try {
    await runSteps(
      [
        [
          'endpoint',
          async () => {
            // A plain token endpoint has no check route, and its tokens are for the real room: nothing to test with.
            if (!endpoint) throw new Error('This endpoint offers no connection check.');
            const [lk, credentials] = await Promise.all([loadLiveKit(), endpoint.connectionCheck()]);
            if (!over) probe = new LiveKitProbe(lk, credentials);
          },
        ],
        ['signal', () => probe!.signalled],
        ['media', () => probe!.connected],
        ['publish', () => probe!.publish()],
      ],
      report,
    );
  } finally {
    over = true;
    await (probe as LiveKitProbe | null)?.close();
  }
}

/** One throwaway LiveKit connection, started at once: its milestones are promises the steps wait for. */
class LiveKitProbe {
  readonly #lk: LiveKit;
  readonly #room: InstanceType<LiveKit['Room']>;
  readonly signalled: Promise<void>;
  readonly connected: Promise<void>;
  #audio: AudioContext | null = null;

  constructor(lk: LiveKit, credentials: ConnectionCheckResponse) {
    this.#lk = lk;
    const room = new lk.Room();
    this.#room = room;
    this.connected = room.connect(credentials.serverUrl, credentials.token, {
      autoSubscribe: false,
      // One attempt, within the step's time: the verdict is about this network now, not after retries.
      maxRetries: 0,
      websocketTimeout: STEP_TIMEOUT_MS,
      peerConnectionTimeout: STEP_TIMEOUT_MS,
    });
    // The join answered over the WebSocket; or the connection failed before that (the signal step fails with it).
    this.signalled = Promise.race([
      new Promise<void>((resolve) => room.once(lk.RoomEvent.SignalConnected, () => resolve())),
      this.connected,
    ]);
    // A step that timed out no longer waits: its late failure is not an unhandled rejection.
    this.connected.catch(() => {});
  }

  /** Publishes a silent tone (no microphone needed) and resolves when the server has acknowledged the track. */
  async publish(): Promise<void> {
    this.#audio = new AudioContext();
    const oscillator = this.#audio.createOscillator();
    const silence = this.#audio.createGain();
    silence.gain.value = 0;
    const destination = this.#audio.createMediaStreamDestination();
    oscillator.connect(silence).connect(destination);
    oscillator.start();
    const [track] = destination.stream.getAudioTracks();
    await this.#room.localParticipant.publishTrack(track!, {
      source: this.#lk.Track.Source.Microphone,
      name: 'connection-check',
    });
  }

  async close(): Promise<void> {
    await this.#room.disconnect().catch(() => {});
    await this.#audio?.close().catch(() => {});
  }
}

function bounded(run: () => Promise<unknown>, ms: number): Promise<unknown> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms);
  });
  return Promise.race([Promise.resolve().then(run), timeout]).finally(() => clearTimeout(timer));
}
