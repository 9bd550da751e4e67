/**
 * The package entry (and the CDN's `hashdrop.js`). It defines every HashDrop element, in two ways:
 * - the room and the screens it shows before a call (pre-join, lobby) at once — the bytes a page needs to show the
 *   pre-join screen;
 * - the in-call elements on demand: each is loaded and defined when its tag first appears in the document (a
 *   standalone `<hashdrop-invite>`, a `<hashdrop-host-panel for="room">` in a sidebar). Inside `<hashdrop-room>` they
 *   come with its call view, which the room loads as soon as it reaches pre-join.
 * Definitions are guarded (`defineElement`), so this entry and the per-element entries (`hashdrop/invite`, which define
 * their element eagerly) can be combined freely. The definitions are calls here as well as side-effect imports of
 * the `define` modules, so no bundler that takes those for side-effect free (package.json `sideEffects`) drops them.
 *
 * It exports the eager element classes, events, contexts and the message catalog API. The classes of the on-demand
 * elements are exported as types only (importing them would put them back in the up-front bytes): their per-element
 * entries export the classes, and `customElements.whenDefined('hashdrop-invite')` resolves to one.
 */
import './elements/room/define.js';
import './elements/prejoin/define.js';
import './elements/lobby/define.js';
import { HashdropLobby } from './elements/lobby/lobby.js';
import { HashdropPrejoin } from './elements/prejoin/prejoin.js';
import { HashdropRoom } from './elements/room/room.js';
import { defineElement } from './elements/shared/hashdrop-element.js';
import { defineOnDemand } from './elements/shared/lazy-define.js';

defineElement('hashdrop-room', HashdropRoom);
defineElement('hashdrop-prejoin', HashdropPrejoin);
defineElement('hashdrop-lobby', HashdropLobby);
// The in-call elements (and the recorder) are defined by one module of the call chunk, by name.
const inCall = (name: string) => () => import('./elements/on-demand.js').then((m) => m.defineOnDemandElement(name));
defineOnDemand({
  ...Object.fromEntries(
    'invite host-panel stage participant-tile control-bar tile-list chat reactions unmute-request captions recording-indicator stream-control recording-control recorder'
      .split(' ')
      .map((name) => [`hashdrop-${name}`, inCall(name)]),
  ),
});

export { HashdropRoom } from './elements/room/room.js';
export { parseRoomAttribute, parseToggle } from './elements/room/attributes.js';
export { HashdropPrejoin } from './elements/prejoin/prejoin.js';
export { HashdropLobby } from './elements/lobby/lobby.js';
export { inviteLink } from './elements/invite/invite-link.js';
// Type-only, from the define modules so their `HTMLElementTagNameMap` entries come along; nothing loads at runtime.
export type { HashdropInvite } from './elements/invite/define.js';
export type { HashdropHostPanel } from './elements/host-panel/define.js';
export type { HashdropTileList } from './elements/tile-list/define.js';
export type { HashdropCaptions } from './elements/captions/define.js';
export type { HashdropRecorder } from './elements/recorder/define.js';
export type { HashdropReactions } from './elements/reactions/define.js';
export type { HashdropUnmuteRequest } from './elements/unmute-request/define.js';
export type { HashdropStage } from './elements/stage/define.js';
export type { HashdropParticipantTile } from './elements/participant-tile/define.js';
export type { HashdropControlBar } from './elements/control-bar/define.js';
export type { HashdropChat } from './elements/chat/define.js';
export type { HashdropPrecallCheck } from './elements/precall-check/define.js';
export type {
  HashdropRecordingControl,
  HashdropRecordingIndicator,
  HashdropStreamControl,
} from './elements/recording/define.js';
export * from './elements/shared/events.js';
export { sessionContext, snapshotContext } from './elements/shared/context.js';
export {
  loadMessages,
  registerMessages,
  registeredLanguages,
  shippedLanguages,
  type MessageKey,
  type Messages,
} from './i18n/index.js';
export type { RoomSessionApi } from './core/session-api.js';
export type { RoomSnapshot, SessionStatus } from './core/snapshot.js';
