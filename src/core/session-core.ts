import type { CallConnection } from './call.js';
import type { EndpointClient } from './endpoint-client.js';
import type { SnapshotListener } from './session-api.js';
import type { RoomSnapshot } from './snapshot.js';
import { SnapshotStore, type SnapshotUpdate } from './store.js';

/**
 * The bottom layer of a `RoomSession`: what its parts share — the one snapshot store, the endpoint client, the live
 * call once connected, and whether the session is disposed. The parts stack on it, each in its own file with its own
 * private state: `LocalMedia` (session-media.ts) ← `SessionChat` (session-chat.ts) ← `HostActions` (session-host.ts)
 * ← `SessionLifecycle` (session-lifecycle.ts) ← `RoomSession`, which wires the options in. Layers rather than
 * objects that forward to each other: every forwarding method would ship in the up-front bundle, whose bytes must
 * not grow.
 */
export class SessionCore {
  readonly #store = new SnapshotStore();
  /** The LiveKit call once connected; set and cleared by the lifecycle only. */
  protected connection: CallConnection | null = null;
  protected disposed = false;

  constructor(
    /** Our endpoint contract's client, or null with a plain token endpoint. */
    protected readonly endpoint: EndpointClient | null,
  ) {}

  get snapshot(): RoomSnapshot {
    return this.#store.snapshot;
  }

  subscribe(listener: SnapshotListener): () => void {
    return this.#store.subscribe(listener);
  }

  /** Applies a change unless the session is disposed (a late answer then changes nothing). */
  protected update(update: SnapshotUpdate): void {
    if (!this.disposed) this.#store.update(update);
  }

  /** The room's stable id once resolved; the page's reference before that. */
  protected roomKey(): string {
    return this.snapshot.room?.id ?? this.snapshot.roomRef ?? '';
  }
}
