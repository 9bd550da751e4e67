import { svg } from 'lit';
import { SHARED_ICONS } from '../shared/icons.js';

/** The control bar's icons (24×24 paths). The "off" ones are crossed out, so a muted state reads without colour. */
export const CONTROL_ICONS = {
  mic: svg`<path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9Z"/>`,
  micOff: svg`<path d="M19 11h-1.7a5.3 5.3 0 0 1-.7 2.6l1.2 1.2A7 7 0 0 0 19 11Zm-4 .2V5a3 3 0 0 0-6-.2ZM4.3 3 3 4.3l6 6V11a3 3 0 0 0 4.5 2.6l1.6 1.6A5 5 0 0 1 7 11H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 3.5-1.3l3.2 3.2 1.3-1.3Z"/>`,
  camera: svg`<path d="M17 10.5V7a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3.5l4 4v-11Z"/>`,
  cameraOff: svg`<path d="m21 6.5-4 4V7a1 1 0 0 0-1-1H9.8L21 17.2ZM3.3 2 2 3.3 4.7 6H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12l.6-.2 3.1 3.2 1.3-1.3Z"/>`,
  screen: SHARED_ICONS.screen,
  hand: SHARED_ICONS.hand,
  captions: svg`<path d="M19 4H5a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2V6a2 2 0 0 0-2-2Zm-8 7H9.5v-.5h-2v3h2V13H11v1a1 1 0 0 1-1 1H7a1 1 0 0 1-1-1v-4a1 1 0 0 1 1-1h3a1 1 0 0 1 1 1Zm7 0h-1.5v-.5h-2v3h2V13H18v1a1 1 0 0 1-1 1h-3a1 1 0 0 1-1-1v-4a1 1 0 0 1 1-1h3a1 1 0 0 1 1 1Z"/>`,
  chat: svg`<path d="M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2Z"/>`,
  people: svg`<path d="M16 11a3 3 0 1 0-3-3 3 3 0 0 0 3 3Zm-8 0a3 3 0 1 0-3-3 3 3 0 0 0 3 3Zm0 2c-2.3 0-7 1.2-7 3.5V19h14v-2.5C15 14.2 10.3 13 8 13Zm8 0-1 .1a4.2 4.2 0 0 1 2 3.4V19h6v-2.5c0-2.3-4.7-3.5-7-3.5Z"/>`,
  more: svg`<path d="M6 10a2 2 0 1 0 2 2 2 2 0 0 0-2-2Zm12 0a2 2 0 1 0 2 2 2 2 0 0 0-2-2Zm-6 0a2 2 0 1 0 2 2 2 2 0 0 0-2-2Z"/>`,
  leave: svg`<path d="M10 17v-3H3v-4h7V7l5 5Zm9-14H11v2h8v14h-8v2h8a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2Z"/>`,
  end: svg`<path d="M12 9c-1.6 0-3.2.3-4.6.7v3.1a1 1 0 0 1-.6.9 11.5 11.5 0 0 0-2.7 1.8 1 1 0 0 1-1.4 0L.3 13.1a1 1 0 0 1 0-1.4A17 17 0 0 1 12 7a17 17 0 0 1 11.7 4.7 1 1 0 0 1 0 1.4l-2.4 2.4a1 1 0 0 1-1.4 0 11.3 11.3 0 0 0-2.7-1.8 1 1 0 0 1-.6-.9V9.7C15.2 9.3 13.6 9 12 9Z"/>`,
  popOut: svg`<path d="M21 3H3a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h18a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2Zm0 16H3V5h18Zm-2-8h-8v6h8Z"/>`,
  caret: svg`<path d="m7 14 5-5 5 5Z"/>`,
};
