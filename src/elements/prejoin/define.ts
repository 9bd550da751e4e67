import { HashdropPrejoin } from './prejoin.js';

export { HashdropPrejoin };

if (typeof customElements !== 'undefined' && !customElements.get('hashdrop-prejoin')) {
  customElements.define('hashdrop-prejoin', HashdropPrejoin);
}

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-prejoin': HashdropPrejoin;
  }
}
