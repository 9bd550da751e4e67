/**
 * Loads `<hashdrop-room>`'s call screen (call-view.ts and the elements it uses) on demand: a pre-join page never shows
 * it, so it stays out of the up-front bytes. One load per page, shared by every room.
 */
import { loadEnglishInCallStrings } from '../../i18n/index.js';

type CallViewModule = typeof import('./call-view.js');
let loaded: CallViewModule | null = null;
let loading: Promise<CallViewModule | null> | null = null;

/** The call view module once it has arrived (its elements defined), else null. */
export function loadedCallView(): CallViewModule | null {
  return loaded;
}

/**
 * Starts loading the call screen unless already under way. Resolves to null when the load failed; then the next
 * status change tries again, and the room shows "connecting" meanwhile.
 */
export function loadCallView(): Promise<CallViewModule | null> {
  // The call screen's English strings travel in a chunk of their own in the CDN build; fetch them alongside.
  void loadEnglishInCallStrings();
  loading ??= import('./call-view.js').then(
    (module) => {
      module.defineCallElements();
      return (loaded = module);
    },
    (error: unknown) => {
      loading = null;
      console.error('hashdrop: could not load the call view', error);
      return null;
    },
  );
  return loading;
}
