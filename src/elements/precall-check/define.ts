import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropPrecallCheck } from './precall-check.js';

export { HashdropPrecallCheck };

defineElement('hashdrop-precall-check', HashdropPrecallCheck);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-precall-check': HashdropPrecallCheck;
  }
}
