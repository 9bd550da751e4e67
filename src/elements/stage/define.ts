import { defineElement } from '../shared/hashdrop-element.js';
import { defineParticipantTile } from '../participant-tile/define-tile.js';
import { HashdropStage } from './stage.js';

export { HashdropStage };

defineParticipantTile();
defineElement('hashdrop-stage', HashdropStage);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-stage': HashdropStage;
  }
}
