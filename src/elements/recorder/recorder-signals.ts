/**
 * When the recorder may say it is ready, and what Egress' layout names mean on our stage. Pure, for unit tests.
 */
import type { RoomSnapshot } from '../../core/snapshot.js';

/** The stage shows the call: a recording or stream may start capturing (Egress' `START_RECORDING`). */
export class RecorderReadyEvent extends Event {
  static readonly eventName = 'hashdrop-recorder-ready';
  constructor() {
    super(RecorderReadyEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hashdrop-recorder-ready': RecorderReadyEvent;
  }
}

/** Every camera that others have on has arrived (is subscribed), so the first picture is not of empty tiles. */
export function readyToRecord(snapshot: RoomSnapshot): boolean {
  return snapshot.participants.every((p) => p.isLocal || !p.camera || p.camera.muted || p.camera.subscribed);
}

/**
 * Egress' layout (its `layout` request field, passed to the page): `grid` is our grid; `speaker`, `single-speaker`
 * and anything else the spotlight, which follows the speaker and a shared screen.
 */
export function stageLayoutOf(layout: string): 'grid' | 'spotlight' {
  return layout === 'grid' ? 'grid' : 'spotlight';
}
