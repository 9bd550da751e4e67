import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropControlBar } from './control-bar.js';

export { HashdropControlBar };

defineElement('hashdrop-control-bar', HashdropControlBar);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-control-bar': HashdropControlBar;
  }
}
