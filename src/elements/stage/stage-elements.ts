import { HashdropParticipantTile } from '../participant-tile/participant-tile.js';
import { defineElement } from '../shared/hashdrop-element.js';

/** The stage renders participant tiles: whoever defines the stage defines the tile too. */
export function defineParticipantTile(): void {
  defineElement('hashdrop-participant-tile', HashdropParticipantTile);
}
