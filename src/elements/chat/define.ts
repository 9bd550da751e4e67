import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropChat } from './chat.js';

export { HashdropChat };

defineElement('hashdrop-chat', HashdropChat);

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-chat': HashdropChat;
  }
}
