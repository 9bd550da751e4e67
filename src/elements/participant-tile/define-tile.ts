import { HashdropParticipantTile } from './participant-tile.js';
import { defineElement } from '../shared/hashdrop-element.js';

/** The stage and the tile list render participant tiles: whoever defines either defines the tile too. */
export function defineParticipantTile(): void {
  defineElement('hashdrop-participant-tile', HashdropParticipantTile);
}
