import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropUnmuteRequest } from './unmute-request.js';

export { HashdropUnmuteRequest };

defineElement('hashdrop-unmute-request', HashdropUnmuteRequest);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-unmute-request': HashdropUnmuteRequest;
  }
}
