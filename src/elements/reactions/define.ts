import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropReactions } from './reactions.js';

export { HashdropReactions };

defineElement('hashdrop-reactions', HashdropReactions);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-reactions': HashdropReactions;
  }
}
