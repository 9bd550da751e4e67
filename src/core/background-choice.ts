import { defaultStorage } from './credential-store.js';

/**
 * Where this browser remembers a background choice other than none, for the next visit (JSON of a `BackgroundChoice`;
 * written and read by background/background.ts). Only its presence is asked up front: it decides whether the background
 * processing loads when the camera starts.
 */
export const BACKGROUND_KEY = 'hashdrop.background';

/** Whether a choice is remembered (localStorage, or memory for this page where it is blocked). */
export function rememberedBackground(): boolean {
  return !!defaultStorage().getItem(BACKGROUND_KEY);
}
