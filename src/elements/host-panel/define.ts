import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropHostPanel } from './host-panel.js';

export { HashdropHostPanel };

defineElement('hashdrop-host-panel', HashdropHostPanel);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-host-panel': HashdropHostPanel;
  }
}
