import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropLobby } from './lobby.js';

export { HashdropLobby };

defineElement('hashdrop-lobby', HashdropLobby);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-lobby': HashdropLobby;
  }
}
