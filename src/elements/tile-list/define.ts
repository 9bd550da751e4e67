import { defineElement } from '../shared/hashdrop-element.js';
import { defineParticipantTile } from '../participant-tile/define-tile.js';
import { HashdropTileList } from './tile-list.js';

export { HashdropTileList };

defineParticipantTile();
defineElement('hashdrop-tile-list', HashdropTileList);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-tile-list': HashdropTileList;
  }
}
