import type { Room, RoomOptions } from 'livekit-client';
import type { LiveKit } from './livekit-connection.js';
import type { CallConnection, CallConnector, CallEvents, ConnectRequest } from './call.js';
import { callSupportProblem, type CallSupportProblem } from './call-support.js';

type ConnectionModule = typeof import('./livekit-connection.js');

let connectionModule: Promise<ConnectionModule> | null = null;

let sdk: Promise<LiveKit> | null = null;

/** The only way src/core reaches livekit-client: a dynamic import, so pages that never start a call never load it. */
export function loadLiveKit(): Promise<LiveKit> {
  sdk ??= import('livekit-client').catch((error: unknown) => {
    // A failed chunk download (flaky network) should be retryable on the next attempt.
    sdk = null;
    throw error;
  });
  return sdk;
}

/** The call's own code, fetched beside the SDK (a pre-join page needs neither). */
function loadConnection(): Promise<ConnectionModule> {
  connectionModule ??= import('./livekit-connection.js').catch((error: unknown) => {
    connectionModule = null;
    throw error;
  });
  return connectionModule;
}

/** The SDK's own clean-up of each of our rooms, run by `releaseRoom` (see `createRoom`). */
const roomCleanups = new WeakMap<Room, () => void>();

/**
 * A livekit-client `Room` that can be let go. The SDK (2.23) registers every Room with `Room.cleanupRegistry`, a
 * FinalizationRegistry meant to remove the Room's `devicechange` listener from `navigator.mediaDevices` once the Room
 * is collected. But the clean-up it registers, and that listener, are closures made in the Room's constructor, so
 * they keep the Room itself reachable (from the registry, and from navigator.mediaDevices): no Room is ever
 * collected, and every call would leave its Room, engine and participants behind (livekit/client-sdk-js#2008). So our
 * rooms are built with a stand-in registry that keeps that clean-up beside the Room, weakly, and `releaseRoom` runs it
 * once the call is over: the listener goes, and nothing global refers to the Room any more. Rooms a page makes itself
 * with the same SDK are left to the SDK's registry.
 */
function createRoom(lk: LiveKit, options: RoomOptions): Room {
  const registry = lk.Room.cleanupRegistry;
  const held: { cleanup?: () => void } = {};
  if (registry) {
    lk.Room.cleanupRegistry = {
      register: (_room: object, cleanup: () => void) => void (held.cleanup = cleanup),
      unregister: () => false,
    } as unknown as FinalizationRegistry<() => void>;
  }
  let room: Room;
  try {
    room = new lk.Room(options);
  } finally {
    lk.Room.cleanupRegistry = registry;
  }
  if (held.cleanup) roomCleanups.set(room, held.cleanup);
  return room;
}

/** After `disconnect()`: removes what the SDK left on `navigator.mediaDevices` for this room (see `createRoom`). */
function releaseRoom(room: Room): void {
  const cleanup = roomCleanups.get(room);
  roomCleanups.delete(room);
  cleanup?.();
}

/** One `Room` per call; created early so `prepareConnection` can warm it while the user is still deciding. */
export class LiveKitConnector implements CallConnector {
  #room: Room | null = null;
  #warmed = new Set<string>();
  /** Bumped by `dispose`, so a room asked for before it is not made after it. */
  #generation = 0;

  support(): CallSupportProblem | null {
    return callSupportProblem();
  }

  preload(): void {
    void loadLiveKit().catch(() => {});
    void loadConnection().catch(() => {});
  }

  prepareRoom(): void {
    this.preload();
    // Failure here is only a lost head start: connect() makes the room (and reports) again.
    void this.#ensureRoom().catch(() => {});
  }

  warm(serverUrl: string, token?: string): void {
    const key = `${serverUrl} ${token ?? ''}`;
    if (this.#warmed.has(key)) return;
    this.#warmed.add(key);
    void this.#ensureRoom()
      .then((room) => room.prepareConnection(serverUrl, token))
      // Warming is an optimisation; connect() reports real failures.
      .catch(() => {});
  }

  async connect(request: ConnectRequest, events: CallEvents): Promise<CallConnection> {
    const [lk, { LiveKitConnection }] = await Promise.all([loadLiveKit(), loadConnection()]);
    const room = await this.#ensureRoom();
    // The room now belongs to this connection; a later call gets a fresh one.
    this.#room = null;
    this.#warmed.clear();
    const connection = new LiveKitConnection(lk, room, events, request.role, () => releaseRoom(room));
    // A session left meanwhile disconnects once this resolves, not before: livekit-client 2.23 aborting a connect
    // half-way once left a peer connection open in join-leave-cycles.test.ts.
    try {
      await room.connect(request.serverUrl, request.token);
    } catch (error) {
      await connection.disconnect();
      throw error;
    }
    connection.refresh();
    events.recording?.(room.isRecording);
    await connection.listenForChat(request.maxChatFileBytes);
    return connection;
  }

  dispose(): void {
    const room = this.#room;
    this.#room = null;
    this.#warmed.clear();
    this.#generation += 1;
    if (room) {
      void room
        .disconnect()
        .catch(() => {})
        .finally(() => releaseRoom(room));
    }
  }

  async #ensureRoom(): Promise<Room> {
    const generation = this.#generation;
    const lk = await loadLiveKit();
    // Dropped while the SDK was loading: a room made now would be held by nothing but the SDK's listener.
    if (generation !== this.#generation) throw new Error('The call was given up before its room was made.');
    // Adaptive stream sizes remote video to the element it plays in; dynacast stops layers nobody watches.
    this.#room ??= createRoom(lk, { adaptiveStream: true, dynacast: true });
    return this.#room;
  }
}
