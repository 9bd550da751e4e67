import { SnapshotSession } from '../../src/testing/snapshot-session.js';
import type { RoomSnapshot } from '../../src/core/snapshot.js';

export function sessionWith(snapshot: RoomSnapshot): SnapshotSession {
  return new SnapshotSession(snapshot);
}

/** The shadow root's element matching a part name. */
export function part<T extends HTMLElement = HTMLElement>(el: HTMLElement, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

export function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
