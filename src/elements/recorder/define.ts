import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropRecorder } from './recorder.js';
import { addShippedEnglish } from '../../i18n/index.js';
import { enRecorder } from '../../i18n/en-recorder.js';

// What this element says in English travels with it in the CDN build (nothing in the sources).
addShippedEnglish(enRecorder);

export { HashdropRecorder };

defineElement('hashdrop-recorder', HashdropRecorder);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-recorder': HashdropRecorder;
  }
}
