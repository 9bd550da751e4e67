/**
 * What only a host sees: the host panel (with its recording and live-stream controls) and the invite of the call's
 * side column. A module of its own, loaded once someone is a host or one of these tags appears on a page, so a guest's
 * call never fetches it; the CDN build makes it the `host` chunk (vite.config.ts).
 */
import { HashdropHostPanel } from './host-panel/host-panel.js';
import { HashdropInvite } from './invite/invite.js';
import { HashdropRecordingControl } from './recording/recording-control.js';
import { HashdropStreamControl } from './recording/stream-control.js';
import { defineElement } from './shared/hashdrop-element.js';
import { addShippedEnglish } from '../i18n/index.js';
import { enHost } from '../i18n/en-host.js';

// What these elements say in English travels with them in the CDN build (nothing in the sources).
addShippedEnglish(enHost);

/** By tag name without `hashdrop-`. */
const HOST_ELEMENTS = {
  'host-panel': () => defineElement('hashdrop-host-panel', HashdropHostPanel),
  invite: () => defineElement('hashdrop-invite', HashdropInvite),
  'recording-control': () => defineElement('hashdrop-recording-control', HashdropRecordingControl),
  'stream-control': () => defineElement('hashdrop-stream-control', HashdropStreamControl),
} as const;

export type HostElementName = keyof typeof HOST_ELEMENTS;

/** Defines `hashdrop-<name>` (only if its tag is still free). */
export function defineHostElement(name: HostElementName): void {
  HOST_ELEMENTS[name]();
}

/** Defines what a host's call screen shows: the host panel and the invite. */
export function defineHostCallElements(): void {
  defineHostElement('host-panel');
  defineHostElement('invite');
}
