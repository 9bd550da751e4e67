/**
 * The call's side of `LiveKitConnector` (livekit-call.ts), loaded beside the SDK rather than up front: it makes the
 * livekit-client `Room` ahead of the call (while the user decides, or waits in the lobby), warms it, connects it, and
 * lets it go. A pre-join page needs none of this until a call starts.
 */
import type { Room, RoomOptions } from 'livekit-client';
import type { CallConnection, CallEvents, ConnectRequest } from './call.js';
import { CAMERA_CAPTURE } from './devices.js';
import { LiveKitConnection, type LiveKit } from './livekit-connection.js';

/**
 * A User Timing mark set the moment a call hands its token to livekit-client (`room.connect`): in a profile or the
 * benches' breakdown, what came before it is the page's work, what follows until the socket opens is the SDK's.
 */
export const CONNECT_MARK = 'hashdrop:livekit-connect';

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

/** One `Room` per call, made early so the call only has to connect it. */
export class CallRooms {
  #room: Room | null = null;
  readonly #warmed = new Set<string>();

  constructor(private readonly lk: LiveKit) {}

  /** The next call's room, made now if it is not yet. */
  room(): Room {
    // Adaptive stream sizes remote video to the element it plays in; dynacast stops layers nobody watches. A camera
    // the SDK opens itself (turned on in the call) is captured as the preview's is.
    this.#room ??= createRoom(this.lk, {
      adaptiveStream: true,
      dynacast: true,
      videoCaptureDefaults: { resolution: CAMERA_CAPTURE },
    });
    return this.#room;
  }

  warm(serverUrl: string): void {
    if (this.#warmed.has(serverUrl)) return;
    this.#warmed.add(serverUrl);
    // Warming is an optimisation; connect() reports real failures.
    void this.room()
      .prepareConnection(serverUrl)
      .catch(() => {});
  }

  async connect(request: ConnectRequest, events: CallEvents): Promise<CallConnection> {
    const room = this.room();
    // The room now belongs to this connection; a later call gets a fresh one.
    this.#room = null;
    this.#warmed.clear();
    const connection = new LiveKitConnection(this.lk, room, events, request.role, () => releaseRoom(room));
    // A session left meanwhile disconnects once this resolves, not before: livekit-client 2.23 aborting a connect
    // half-way once left a peer connection open in join-leave-cycles.test.ts.
    try {
      performance.mark(CONNECT_MARK);
      await room.connect(request.serverUrl, request.token);
    } catch (error) {
      await connection.disconnect();
      throw error;
    }
    connection.refresh();
    events.recording?.(room.isRecording);
    connection.listenForChat(request.maxChatFileBytes);
    return connection;
  }

  /** Drops a room made (or warmed) for a call that never connected it. */
  dispose(): void {
    const room = this.#room;
    this.#room = null;
    this.#warmed.clear();
    if (room) {
      void room
        .disconnect()
        .catch(() => {})
        .finally(() => releaseRoom(room));
    }
  }
}
