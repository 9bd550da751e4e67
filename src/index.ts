/**
 * The package entry: defines every HashDrop element (each define guards against double definition) and exports the
 * element classes, events, contexts and the message catalog API.
 */
import './elements/room/define.js';
import './elements/prejoin/define.js';
import './elements/lobby/define.js';
import './elements/invite/define.js';
import './elements/host-panel/define.js';
import './elements/tile-list/define.js';

export { HashdropRoom, parseRoomAttribute, parseToggle } from './elements/room/room.js';
export { HashdropPrejoin } from './elements/prejoin/prejoin.js';
export { HashdropLobby } from './elements/lobby/lobby.js';
export { HashdropInvite, inviteLink } from './elements/invite/invite.js';
export { HashdropHostPanel } from './elements/host-panel/host-panel.js';
export { HashdropTileList } from './elements/tile-list/tile-list.js';
export * from './elements/shared/events.js';
export { sessionContext, snapshotContext } from './elements/shared/context.js';
export { registerMessages, registeredLanguages, type MessageKey, type Messages } from './i18n/index.js';
export type { RoomSessionApi } from './core/session-api.js';
export type { RoomSnapshot, SessionStatus } from './core/snapshot.js';
