import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropInvite } from './invite.js';

export { HashdropInvite };

defineElement('hashdrop-invite', HashdropInvite);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-invite': HashdropInvite;
  }
}
