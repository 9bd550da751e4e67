import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropParticipantTile } from './participant-tile.js';

export { HashdropParticipantTile };

defineElement('hashdrop-participant-tile', HashdropParticipantTile);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-participant-tile': HashdropParticipantTile;
  }
}
