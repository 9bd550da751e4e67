import { HashdropHostPanel } from './host-panel.js';

export { HashdropHostPanel };

if (typeof customElements !== 'undefined' && !customElements.get('hashdrop-host-panel')) {
  customElements.define('hashdrop-host-panel', HashdropHostPanel);
}

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-host-panel': HashdropHostPanel;
  }
}
