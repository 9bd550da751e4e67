import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropCaptions } from './captions.js';

export { HashdropCaptions };

defineElement('hashdrop-captions', HashdropCaptions);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-captions': HashdropCaptions;
  }
}
