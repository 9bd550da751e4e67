/**
 * The background choice as this browser remembers it, for the next visit (localStorage, or memory for this page where
 * it is blocked). Not in the up-front bytes: the session starts with none, and the pre-join screen's choice
 * (elements/prejoin/background-choice.ts) restores a remembered one when it first shows, before anyone joins.
 */
import { defaultStorage } from './credential-store.js';
import type { BackgroundChoice } from './snapshot.js';

export const BACKGROUND_KEY = 'hashdrop.background';

/** The remembered choice, or 'none' (nothing remembered, or something this version does not understand). */
export function rememberedBackground(): BackgroundChoice {
  try {
    const value = JSON.parse(defaultStorage().getItem(BACKGROUND_KEY) ?? '"none"') as unknown;
    if (value === 'blur') return value;
    const image = (value as { image?: unknown } | null)?.image;
    return typeof image === 'string' ? { image } : 'none';
  } catch {
    return 'none';
  }
}

/** 'none' is remembered as nothing. */
export function rememberBackground(choice: BackgroundChoice): void {
  try {
    const storage = defaultStorage();
    if (choice === 'none') storage.removeItem(BACKGROUND_KEY);
    else storage.setItem(BACKGROUND_KEY, JSON.stringify(choice));
  } catch {
    // Blocked mid-session: the choice still holds for this page.
  }
}
