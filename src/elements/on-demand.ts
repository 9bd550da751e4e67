/**
 * The elements the CDN entry defines on demand (see lazy-define.ts), when a page places one by itself: the entry keeps
 * only a list of their names (the up-front bytes are the pre-join page's) and asks this module for the one whose tag
 * appeared. Keep that list (src/index.ts) and these names together. In the CDN build this module (with the tile list,
 * which only such a page shows) is the `tags` chunk, beside the call chunk it draws on: a room's call needs neither.
 */
import { HashdropControlBar } from './control-bar/control-bar.js';
import { defineParticipantTile } from './participant-tile/define-tile.js';
import { defineElement } from './shared/hashdrop-element.js';
import { HashdropStage } from './stage/stage.js';
import { HashdropTileList } from './tile-list/tile-list.js';
import type { HostElementName } from './host-elements.js';
import type { CallExtraName } from './call-extras.js';
import { loadCallExtra } from './shared/call-extras-loader.js';

/** A host's elements: a chunk of their own, which a guest's call never loads. */
const hostElement = (name: HostElementName) => () =>
  import('./host-elements.js').then((module) => module.defineHostElement(name));

/** What a call shows only once it has something to show: a chunk of its own, which a quiet call never loads. */
const callExtra = (name: CallExtraName) => () => loadCallExtra(name);

/** By tag name without `hashdrop-`: how to define it (with the elements it shows, for stage and tile list). */
const DEFINITIONS: Record<string, () => unknown> = {
  invite: hostElement('invite'),
  'host-panel': hostElement('host-panel'),
  stage: () => {
    defineParticipantTile();
    defineElement('hashdrop-stage', HashdropStage);
  },
  'participant-tile': defineParticipantTile,
  'control-bar': () => defineElement('hashdrop-control-bar', HashdropControlBar),
  'tile-list': () => {
    defineParticipantTile();
    defineElement('hashdrop-tile-list', HashdropTileList);
  },
  chat: callExtra('chat'),
  reactions: callExtra('reactions'),
  'unmute-request': callExtra('unmute-request'),
  captions: callExtra('captions'),
  'recording-indicator': callExtra('recording-indicator'),
  'stream-control': hostElement('stream-control'),
  'recording-control': hostElement('recording-control'),
  // A chunk of its own: only Egress' recorder page shows it.
  recorder: () => import('./recorder/define.js'),
};

/** Defines `hashdrop-<name>` (a promise while its chunk loads). */
export function defineOnDemandElement(name: string): unknown {
  return DEFINITIONS[name]?.();
}
