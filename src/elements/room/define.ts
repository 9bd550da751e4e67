// The screens a room shows before a call are defined with it; its call screen (tile list, host panel, invite) is
// loaded and defined by the room itself once it reaches pre-join (see call-view.ts).
import '../prejoin/define.js';
import '../lobby/define.js';
import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropRoom } from './room.js';

export { HashdropRoom };

defineElement('hashdrop-room', HashdropRoom);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-room': HashdropRoom;
  }
}
