import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropRecordingControl } from './recording-control.js';
import { HashdropRecordingIndicator } from './recording-indicator.js';

export { HashdropRecordingControl, HashdropRecordingIndicator };

defineElement('hashdrop-recording-control', HashdropRecordingControl);
defineElement('hashdrop-recording-indicator', HashdropRecordingIndicator);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-recording-control': HashdropRecordingControl;
    'hashdrop-recording-indicator': HashdropRecordingIndicator;
  }
}
