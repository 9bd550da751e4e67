/**
 * Captions from transcription agents. LiveKit Agents (and any speech-to-text participant) publish what people say as
 * text streams on `lk.transcription`, one stream per segment: the words so far, then refinements under the same
 * segment id, the last one marked final. This file turns them into the snapshot's `captions`: who spoke, what they
 * said, for how long it stays on screen. The pure functions take no timers so a unit test walks a whole conversation.
 *
 * Captions put words under someone's name, so not every participant may write them: a participant's own speech
 * (no transcribed track, or a track it publishes itself), or anyone's speech when the sender is an agent — a
 * participant kind only the server's token grants (our endpoint never signs agents).
 */
import type { CaptionSnapshot } from './snapshot.js';

/** At most this many captions are on screen at once (the newest win). */
export const MAX_CAPTIONS = 3;
/** A caption leaves the screen this long after its text last changed. */
export const CAPTION_LINGER_MS = 6000;
/** Longer texts are cut (from the start: the newest words matter) so a runaway stream cannot flood the view. */
export const MAX_CAPTION_CHARS = 500;

export interface CaptionEvent {
  segmentId: string;
  speaker: string;
  text: string;
  final: boolean;
}

/** Who may caption whom: see the file comment. `trackOwner` is null for an unknown track. */
export function captionSpeaker(
  sender: { identity: string; isAgent: boolean },
  transcribedTrack: string | undefined,
  trackOwner: string | null,
): string | null {
  if (!transcribedTrack) return sender.identity;
  if (trackOwner === sender.identity) return sender.identity;
  return sender.isAgent && trackOwner ? trackOwner : null;
}

/** The captions after one more (or one refined) segment: same segment replaced in place, else appended. */
export function applyCaption(
  captions: readonly CaptionSnapshot[],
  event: CaptionEvent,
  now: number,
): CaptionSnapshot[] {
  const text = event.text.length > MAX_CAPTION_CHARS ? event.text.slice(-MAX_CAPTION_CHARS) : event.text;
  const next: CaptionSnapshot = { ...event, text, updatedAt: now };
  const index = captions.findIndex((c) => c.segmentId === event.segmentId && c.speaker === event.speaker);
  const kept = expireCaptions(captions, now);
  if (index >= 0 && kept.includes(captions[index]!)) {
    return kept.map((c) => (c === captions[index] ? next : c));
  }
  if (!text.trim()) return kept;
  return [...kept, next].slice(-MAX_CAPTIONS);
}

/** The captions still on screen at `now`. Returns `captions` itself when none expired (no snapshot change). */
export function expireCaptions(captions: readonly CaptionSnapshot[], now: number): CaptionSnapshot[] {
  const kept = captions.filter((c) => now - c.updatedAt < CAPTION_LINGER_MS);
  return kept.length === captions.length ? (captions as CaptionSnapshot[]) : kept;
}

/** When the next caption leaves the screen (ms since the epoch), or null with none showing. */
export function nextCaptionExpiry(captions: readonly CaptionSnapshot[]): number | null {
  if (captions.length === 0) return null;
  return Math.min(...captions.map((c) => c.updatedAt)) + CAPTION_LINGER_MS;
}
