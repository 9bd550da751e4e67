import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropTileList } from './tile-list.js';

export { HashdropTileList };

defineElement('hashdrop-tile-list', HashdropTileList);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-tile-list': HashdropTileList;
  }
}
