import { HashdropLobby } from './lobby.js';

export { HashdropLobby };

if (typeof customElements !== 'undefined' && !customElements.get('hashdrop-lobby')) {
  customElements.define('hashdrop-lobby', HashdropLobby);
}

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-lobby': HashdropLobby;
  }
}
