/**
 * What `<hashdrop-room>` tells the page when its session's snapshot changes: a pure function of the previous and the
 * next snapshot, so the events (which, in which order, with which payloads) are unit-tested without an element
 * (test/elements/room-events.test.ts). The element dispatches them in the order given.
 */
import type { RoomSnapshot } from '../../core/snapshot.js';
import { isConnected, isEngaged } from '../../core/transitions.js';
import {
  HashdropDeniedEvent,
  HashdropErrorEvent,
  HashdropJoinedEvent,
  HashdropKnockEvent,
  HashdropLeftEvent,
  HashdropStatusChangeEvent,
} from '../shared/events.js';

/**
 * The events to fire for a new snapshot; `previous` is null for a session just bound (its first snapshot). In order:
 * the status change, then what it means (joined, left, denied, a fatal error), then a browser found unable to call
 * (once), then each new knock (hosts only, not the ones already there when the session was bound).
 */
export function snapshotEvents(previous: RoomSnapshot | null, next: RoomSnapshot): Event[] {
  const events: Event[] = [];
  const was = previous?.status;
  if (was !== next.status) {
    events.push(new HashdropStatusChangeEvent(next.status, was ?? null));
    if (next.status === 'in-room' && was !== 'reconnecting') {
      events.push(new HashdropJoinedEvent(next.room?.code ?? next.roomRef, next.identity, next.role));
    }
    if (was && isConnected(was) && !isEngaged(next.status)) {
      events.push(new HashdropLeftEvent(next.endedReason));
    }
    if (next.status === 'denied') events.push(new HashdropDeniedEvent(next.roomRef));
    if (next.status === 'error' && next.error) events.push(new HashdropErrorEvent(next.error, true));
  }
  // A browser that cannot make calls stays on pre-join (which says so); the page learns it once, as an error.
  if (next.error?.code === 'BROWSER_UNSUPPORTED' && previous?.error?.code !== 'BROWSER_UNSUPPORTED') {
    events.push(new HashdropErrorEvent(next.error, true));
  }
  if (next.role === 'host' && previous) {
    const known = new Set(previous.knocks.map((k) => k.knockId));
    for (const knock of next.knocks) if (!known.has(knock.knockId)) events.push(new HashdropKnockEvent(knock));
  }
  return events;
}
