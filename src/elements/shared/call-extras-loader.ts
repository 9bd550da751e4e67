/**
 * Loads the call's extras (call-extras.ts, a chunk of its own in the CDN build) the first time one of them has
 * something to show. Until then its tag sits in the page undefined, holding the attributes and properties it is given
 * (Lit keeps those set before the upgrade).
 */
import type { CallExtraName } from '../call-extras.js';

let extras: Promise<typeof import('../call-extras.js')> | null = null;

/** Defines `hashdrop-<name>` from the extras chunk; a failed load is logged and tried again on the next call. */
export function loadCallExtra(name: CallExtraName): Promise<void> {
  if (typeof customElements === 'undefined' || customElements.get(`hashdrop-${name}`)) return Promise.resolve();
  extras ??= import('../call-extras.js');
  return extras.then(
    (module) => module.defineCallExtra(name),
    (error: unknown) => {
      extras = null;
      console.error(`hashdrop: could not load <hashdrop-${name}>`, error);
    },
  );
}
