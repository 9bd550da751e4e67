import type { Room } from 'livekit-client';
import type { CallConnection, CallConnector, CallEvents, ConnectRequest } from './call.js';

export type LiveKit = typeof import('livekit-client');
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

/** One `Room` per call; created early so `prepareConnection` can warm it while the user is still deciding. */
export class LiveKitConnector implements CallConnector {
  #room: Room | null = null;
  #warmed = new Set<string>();

  preload(): void {
    void loadLiveKit().catch(() => {});
    void loadConnection().catch(() => {});
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
    const connection = new LiveKitConnection(lk, room, events, request.role);
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
    void room?.disconnect().catch(() => {});
  }

  async #ensureRoom(): Promise<Room> {
    const lk = await loadLiveKit();
    // Adaptive stream sizes remote video to the element it plays in; dynacast stops layers nobody watches.
    this.#room ??= new lk.Room({ adaptiveStream: true, dynacast: true });
    return this.#room;
  }
}
