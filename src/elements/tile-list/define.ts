import { HashdropTileList } from './tile-list.js';

export { HashdropTileList };

if (typeof customElements !== 'undefined' && !customElements.get('hashdrop-tile-list')) {
  customElements.define('hashdrop-tile-list', HashdropTileList);
}

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-tile-list': HashdropTileList;
  }
}
