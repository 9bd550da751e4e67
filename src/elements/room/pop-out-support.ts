import type { PopOutMode } from './pop-out-events.js';

/** How this browser can pop the call out: the whole call, the spotlight's video, or not at all. */
export function popOutSupport(): PopOutMode | null {
  if (typeof window === 'undefined') return null;
  if ('documentPictureInPicture' in window) return 'window';
  if (typeof document !== 'undefined' && document.pictureInPictureEnabled) return 'video';
  return null;
}
