import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropRecorder } from './recorder.js';

export { HashdropRecorder };

defineElement('hashdrop-recorder', HashdropRecorder);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-recorder': HashdropRecorder;
  }
}
