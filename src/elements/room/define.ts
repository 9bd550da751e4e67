import '../prejoin/define.js';
import '../lobby/define.js';
import '../tile-list/define.js';
import '../host-panel/define.js';
import '../invite/define.js';
import { HashdropRoom } from './room.js';

export { HashdropRoom };

if (typeof customElements !== 'undefined' && !customElements.get('hashdrop-room')) {
  customElements.define('hashdrop-room', HashdropRoom);
}

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-room': HashdropRoom;
  }
}
