import type { Track } from 'livekit-client';

/**
 * Names livekit-client (2.23) writes onto a video element it observes for adaptive stream (`HTMLElementInfo.observe`)
 * and does not remove when the element is detached (`stopObserving` only unobserves it).
 */
const SDK_ELEMENT_CALLBACKS = ['handleResize', 'handleVisibilityChanged'] as const;

/**
 * Detaches `element` from `track` and removes the callbacks the SDK left on it. Each of them closes over the track,
 * and the track's listeners over its Room: a view that outlives its call (the room keeps its call view from one call
 * to the next) would otherwise keep the whole ended Room reachable through one `<video>`.
 */
export function detachMedia(track: Track | undefined, element: HTMLMediaElement): void {
  track?.detach(element);
  const observed = element as HTMLMediaElement & Partial<Record<(typeof SDK_ELEMENT_CALLBACKS)[number], unknown>>;
  for (const name of SDK_ELEMENT_CALLBACKS) delete observed[name];
}
