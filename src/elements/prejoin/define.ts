import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropPrejoin } from './prejoin.js';

export { HashdropPrejoin };

defineElement('hashdrop-prejoin', HashdropPrejoin);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-prejoin': HashdropPrejoin;
  }
}
