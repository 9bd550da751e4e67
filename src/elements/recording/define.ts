import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropRecordingControl } from './recording-control.js';
import { HashdropRecordingIndicator } from './recording-indicator.js';
import { HashdropStreamControl } from './stream-control.js';

export { HashdropRecordingControl, HashdropRecordingIndicator, HashdropStreamControl };

defineElement('hashdrop-recording-control', HashdropRecordingControl);
defineElement('hashdrop-recording-indicator', HashdropRecordingIndicator);
defineElement('hashdrop-stream-control', HashdropStreamControl);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-recording-control': HashdropRecordingControl;
    'hashdrop-recording-indicator': HashdropRecordingIndicator;
    'hashdrop-stream-control': HashdropStreamControl;
  }
}
