import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropPrecallCheck } from './precall-check.js';
import { addShippedEnglish } from '../../i18n/index.js';
import { enCheck } from '../../i18n/en-check.js';

// What these elements say in English travels with them in the CDN build (nothing in the sources).
addShippedEnglish(enCheck);

export { HashdropPrecallCheck };

defineElement('hashdrop-precall-check', HashdropPrecallCheck);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-precall-check': HashdropPrecallCheck;
  }
}
