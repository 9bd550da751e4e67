import type { CallConnection } from './call.js';
import type { EndpointClient } from './endpoint-client.js';
import type { RoomSnapshot } from './snapshot.js';
import { SnapshotStore, type SnapshotUpdate } from './store.js';

/**
 * What the parts of a `RoomSession` (lifecycle, local media, chat, host actions) share: the one snapshot store, the
 * endpoint client, the live call once connected, and whether the session is disposed. Internal to src/core.
 */
export class SessionContext {
  readonly store = new SnapshotStore();
  /** The LiveKit call once connected; set and cleared by the lifecycle only. */
  connection: CallConnection | null = null;
  disposed = false;

  constructor(
    /** Our endpoint contract's client, or null with a plain token endpoint. */
    readonly endpoint: EndpointClient | null,
  ) {}

  get snapshot(): RoomSnapshot {
    return this.store.snapshot;
  }

  /** Applies a change unless the session is disposed (a late answer then changes nothing). */
  update(update: SnapshotUpdate): void {
    if (!this.disposed) this.store.update(update);
  }

  /** The room's stable id once resolved; the page's reference before that. */
  roomKey(): string {
    return this.snapshot.room?.id ?? this.snapshot.roomRef ?? '';
  }
}
