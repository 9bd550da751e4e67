/**
 * Loads the call's extras (call-extras.ts, a chunk of its own in the CDN build) the first time one of them has
 * something to show. Until then its tag sits in the page undefined, holding the attributes and properties it is given
 * (Lit keeps those set before the upgrade).
 */
import type { CallExtraName } from '../call-extras.js';
import type { PopOutController } from '../room/pop-out.js';

let extras: Promise<typeof import('../call-extras.js')> | null = null;

/** The extras module, loading or loaded; a failed load is forgotten, so the next call tries again. */
function extrasModule(): Promise<typeof import('../call-extras.js')> {
  extras ??= import('../call-extras.js').catch((error: unknown) => {
    extras = null;
    throw error;
  });
  return extras;
}

/** Runs `define` with the extras module; a failed load is logged. */
function withExtras(what: string, define: (module: typeof import('../call-extras.js')) => void): Promise<void> {
  return extrasModule().then(define, (error: unknown) => {
    console.error(`hashdrop: could not load ${what}`, error);
  });
}

/** Defines `hashdrop-<name>` from the extras chunk. */
export function loadCallExtra(name: CallExtraName): Promise<void> {
  if (typeof customElements === 'undefined' || customElements.get(`hashdrop-${name}`)) return Promise.resolve();
  return withExtras(`<hashdrop-${name}>`, (module) => module.defineCallExtra(name));
}

/**
 * Defines them all. A call screen that moves into a pop-out window needs them first: that window's document has an
 * element registry of its own, so a tag left undefined there would not upgrade when this page defines it later.
 */
export function loadCallExtras(): Promise<void> {
  return withExtras('the call extras', (module) => module.defineCallExtras());
}

/** The pop-out's controller class, which comes with the extras; rejects when they cannot be loaded. */
export async function loadPopOut(): Promise<typeof PopOutController> {
  return (await extrasModule()).PopOutController;
}
