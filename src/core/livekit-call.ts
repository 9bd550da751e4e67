import type { LiveKit } from './livekit-connection.js';
import type { CallRooms } from './livekit-rooms.js';
import type { CallConnection, CallConnector, CallEvents, ConnectRequest } from './call.js';
import { callSupportProblem, type CallSupportProblem } from './call-support.js';

type RoomsModule = typeof import('./livekit-rooms.js');

let roomsModule: Promise<RoomsModule> | null = null;

let sdk: Promise<LiveKit> | null = null;

/** The only way src/core reaches livekit-client: a dynamic import, so pages that never start a call never load it. */
export function loadLiveKit(): Promise<LiveKit> {
  sdk ??= import('./livekit-sdk.js').catch((error: unknown) => {
    // A failed chunk download (flaky network) should be retryable on the next attempt.
    sdk = null;
    throw error;
  });
  return sdk;
}

/** The call's own code (livekit-rooms.ts and the connection), fetched beside the SDK: a pre-join page needs neither. */
function loadRooms(): Promise<RoomsModule> {
  roomsModule ??= import('./livekit-rooms.js').catch((error: unknown) => {
    roomsModule = null;
    throw error;
  });
  return roomsModule;
}

/**
 * The session's way to livekit-client. Up front it is only this shell: what it does (make the Room early, warm,
 * connect, let go) is in livekit-rooms.ts, which arrives with the SDK.
 */
export class LiveKitConnector implements CallConnector {
  #rooms: CallRooms | null = null;
  /** Bumped by `dispose`, so a room asked for before it is not made after it. */
  #generation = 0;

  support(): CallSupportProblem | null {
    return callSupportProblem();
  }

  preload(): void {
    void loadLiveKit().catch(() => {});
    void loadRooms().catch(() => {});
  }

  prepareRoom(): void {
    // Failure here is only a lost head start: connect() makes the room (and reports) again.
    void this.#ready()
      .then((rooms) => rooms.room())
      .catch(() => {});
  }

  warm(serverUrl: string): void {
    void this.#ready()
      .then((rooms) => rooms.warm(serverUrl))
      .catch(() => {});
  }

  async connect(request: ConnectRequest, events: CallEvents): Promise<CallConnection> {
    return (await this.#ready()).connect(request, events);
  }

  dispose(): void {
    this.#generation += 1;
    this.#rooms?.dispose();
  }

  async #ready(): Promise<CallRooms> {
    const generation = this.#generation;
    const [lk, { CallRooms }] = await Promise.all([loadLiveKit(), loadRooms()]);
    // Dropped while the SDK was loading: a room made now would be held by nothing but the SDK's listener.
    if (generation !== this.#generation) throw new Error('The call was given up before its room was made.');
    this.#rooms ??= new CallRooms(lk);
    return this.#rooms;
  }
}
