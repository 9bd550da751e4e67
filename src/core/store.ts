import { INITIAL_SNAPSHOT, type RoomSnapshot } from './snapshot.js';
import type { SnapshotListener } from './session-api.js';
import { assertTransition } from './transitions.js';

export type SnapshotPatch = Partial<RoomSnapshot>;
export type SnapshotUpdate = SnapshotPatch | ((current: RoomSnapshot) => SnapshotPatch);

/**
 * Holds the one current snapshot. Every change builds a new frozen object (context consumers compare by identity),
 * and every status change goes through the transition table, so no code path can skip the lifecycle.
 */
export class SnapshotStore {
  #snapshot: RoomSnapshot;
  readonly #listeners = new Set<SnapshotListener>();

  constructor(initial: RoomSnapshot = INITIAL_SNAPSHOT) {
    this.#snapshot = freeze({ ...initial });
  }

  get snapshot(): RoomSnapshot {
    return this.#snapshot;
  }

  /** Applies a patch (or a function of the current snapshot returning one). Returns the snapshot now current. */
  update(update: SnapshotUpdate): RoomSnapshot {
    const previous = this.#snapshot;
    const patch = typeof update === 'function' ? update(previous) : update;
    if (!changes(previous, patch)) return previous;
    if (patch.status !== undefined && patch.status !== previous.status) assertTransition(previous.status, patch.status);
    const next = freeze({ ...previous, ...patch });
    this.#snapshot = next;
    // Copy so a listener that unsubscribes (or subscribes) while we notify does not disturb this round.
    for (const listener of [...this.#listeners]) {
      try {
        listener(next, previous);
      } catch (error) {
        // One broken view must not stop the others from updating.
        console.error(error);
      }
    }
    return next;
  }

  subscribe(listener: SnapshotListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }
}

function changes(current: RoomSnapshot, patch: SnapshotPatch): boolean {
  return (Object.keys(patch) as (keyof RoomSnapshot)[]).some((key) => !Object.is(current[key], patch[key]));
}

/** Freezes the snapshot and its direct arrays/objects; deeper values are built fresh by the session and never mutated. */
function freeze(snapshot: RoomSnapshot): RoomSnapshot {
  for (const value of Object.values(snapshot)) {
    if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) Object.freeze(value);
  }
  return Object.freeze(snapshot);
}
