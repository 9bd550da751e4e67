import { HashdropInvite } from './invite.js';

export { HashdropInvite };

if (typeof customElements !== 'undefined' && !customElements.get('hashdrop-invite')) {
  customElements.define('hashdrop-invite', HashdropInvite);
}

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-invite': HashdropInvite;
  }
}
