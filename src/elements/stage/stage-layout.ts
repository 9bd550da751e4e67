import type { ParticipantSnapshot, RoomSnapshot } from '../../core/snapshot.js';
import type { TileSource } from '../participant-tile/participant-tile.js';

/**
 * The stage's layout maths, as pure functions of numbers and snapshots: which places there are, which one the
 * spotlight shows, how the grid pages, which strip slots are on screen and how far a zoomed view may pan. No DOM, so
 * unit tests call them directly (`test/elements/stage-layout.test.ts`); `stage.ts` measures and renders.
 */

/** One video place on the stage: a participant's camera (or avatar) or their shared screen. */
export interface StageItem {
  key: string;
  participant: ParticipantSnapshot;
  source: TileSource;
}

/** The key of a place: `identity:source`. */
export const keyOf = (identity: string, source: TileSource): string => `${identity}:${source}`;

export const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));

/** Every video place of a roster: screen shares first (in roster order), then cameras. */
export function stageItems(participants: readonly ParticipantSnapshot[]): StageItem[] {
  const screens: StageItem[] = [];
  const cameras: StageItem[] = [];
  for (const participant of participants) {
    if (participant.screenShare && !participant.screenShare.muted) {
      screens.push({ key: keyOf(participant.identity, 'screen_share'), participant, source: 'screen_share' });
    }
    cameras.push({ key: keyOf(participant.identity, 'camera'), participant, source: 'camera' });
  }
  return [...screens, ...cameras];
}

/**
 * Who has a place on the stage: in stage mode the audience is a count and a list, not tiles; without `self`, this
 * browser's own participant has none either (a recorder watches the call, it is not in it).
 */
export function stageParticipants(snapshot: RoomSnapshot, self = true): ParticipantSnapshot[] {
  const stageMode = !!snapshot.room?.policy.stageMode;
  if (!stageMode && self) return snapshot.participants;
  return snapshot.participants.filter((p) => !(stageMode && p.role === 'audience') && (self || !p.isLocal));
}

/**
 * What the spotlight shows: the pinned place, else a screen share (a remote one before this browser's own), else the
 * active speaker (the last one while nobody speaks), else the first other participant, else oneself.
 */
export function chooseSpotlight(
  items: readonly StageItem[],
  pinned: string | null,
  activeSpeaker: string | null,
  lastSpeaker: string | null,
): StageItem | null {
  const byKey = (key: string | null) => (key ? items.find((item) => item.key === key) : undefined);
  const screens = items.filter((item) => item.source === 'screen_share');
  const cameras = items.filter((item) => item.source === 'camera');
  return (
    byKey(pinned) ??
    screens.find((item) => !item.participant.isLocal) ??
    screens[0] ??
    cameras.find((item) => item.participant.identity === activeSpeaker && !item.participant.isLocal) ??
    cameras.find((item) => item.participant.identity === lastSpeaker && !item.participant.isLocal) ??
    cameras.find((item) => !item.participant.isLocal) ??
    items[0] ??
    null
  );
}

/** How the grid lays out `count` places at `width` pixels: tiles per page, columns, pages, and the page shown. */
export function gridLayout(
  width: number,
  count: number,
  page: number,
): { perPage: number; cols: number; pages: number; page: number } {
  const perPage = width < 480 ? 4 : width < 900 ? 9 : 16;
  const cols = Math.max(1, Math.min(Math.ceil(Math.sqrt(Math.min(count, perPage))), width < 480 ? 2 : 4));
  const pages = Math.max(1, Math.ceil(count / perPage));
  return { perPage, cols, pages, page: clamp(page, 0, pages - 1) };
}

/**
 * Which strip slots are on screen, by index (`[start, end]`, both included), for a list scrolled by `scroll` pixels
 * (its absolute value: right-to-left lists scroll negative) that shows `visible` pixels of `count` slots `slot` pixels
 * apart. Null when there is nothing to measure.
 */
export function stripWindow(scroll: number, visible: number, slot: number, count: number): [number, number] | null {
  if (count === 0 || slot <= 0) return null;
  const start = clamp(Math.floor(Math.abs(scroll) / slot), 0, count - 1);
  const end = clamp(Math.floor((Math.abs(scroll) + visible - 1) / slot), start, count - 1);
  return [start, end];
}

/** A pan offset kept inside what a view `size` pixels wide (or tall) zoomed by `zoom` can show. */
export function clampPan(pan: number, zoom: number, size: number): number {
  const max = ((zoom - 1) * size) / 2;
  return clamp(pan, -max, max);
}
