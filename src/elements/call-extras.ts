/**
 * What a call screen shows only once it has something to show: the chat panel (from the first message, or when
 * opened), the reactions floating over the stage (from the first one sent), captions (from the first published), the
 * Recording and Live badges (from the first recording or live stream) and a host's request to unmute (from the
 * first); and popping the call out (from the moment Pop out is pointed at or focused), which needs all of these
 * defined first (see call-extras-loader.ts). A module of its own, the CDN build's `extras` chunk (vite.config.ts),
 * which call-extras-loader.ts loads: a call where nobody writes, reacts, captions, records, asks to unmute or reaches
 * for Pop out never fetches it.
 */
import { HashdropCaptions } from './captions/captions.js';
import { HashdropChat } from './chat/chat.js';
import { HashdropReactions } from './reactions/reactions.js';
import { defineIndicator } from './recording/recording-indicator.js';
import { defineElement } from './shared/hashdrop-element.js';
import { HashdropUnmuteRequest } from './unmute-request/unmute-request.js';
import { addShippedEnglish } from '../i18n/index.js';
import { enExtras } from '../i18n/en-extras.js';

// What these elements say in English travels with them in the CDN build (nothing in the sources).
addShippedEnglish(enExtras);

export { PopOutController } from './room/pop-out.js';

/** By tag name without `hashdrop-`. */
const CALL_EXTRAS = {
  chat: () => defineElement('hashdrop-chat', HashdropChat),
  captions: () => defineElement('hashdrop-captions', HashdropCaptions),
  reactions: () => defineElement('hashdrop-reactions', HashdropReactions),
  'recording-indicator': defineIndicator,
  'unmute-request': () => defineElement('hashdrop-unmute-request', HashdropUnmuteRequest),
} as const;

export type CallExtraName = keyof typeof CALL_EXTRAS;

/** Defines `hashdrop-<name>` (only if its tag is still free). */
export function defineCallExtra(name: CallExtraName): void {
  CALL_EXTRAS[name]();
}

/** Defines all of them: for a call screen about to move into a pop-out window (see call-extras-loader.ts). */
export function defineCallExtras(): void {
  for (const define of Object.values(CALL_EXTRAS)) define();
}
