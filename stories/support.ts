import { html, type TemplateResult } from 'lit';
import type { RoomSnapshot } from '../src/core/snapshot.js';
import { SnapshotSession, createTestVideoStream } from '../src/testing/snapshot-session.js';
import { registerArabicStrings } from './arabic.js';

// The language control offers Arabic, which the package does not ship: a page's own strings, as a customer adds one.
registerArabicStrings();

/**
 * A SnapshotSession for a story: the given snapshot, canvas video for every camera track and the preview, and
 * actions logged to the console (Storybook's actions panel shows DOM events; these are session calls).
 */
export function storySession(snapshot: RoomSnapshot): SnapshotSession {
  const session = new SnapshotSession(snapshot);
  const colors = ['#2f5bea', '#1b7f3b', '#b5368c', '#c77700', '#006d77', '#6a4c93'];
  snapshot.participants.forEach((p, i) => {
    if (p.camera) session.streams.set(p.camera.sid, createTestVideoStream(p.name, colors[i % colors.length]));
    if (p.screenShare)
      session.streams.set(p.screenShare.sid, createTestVideoStream('Shared screen', '#30343f', 640, 360));
  });
  session.streams.set('preview', createTestVideoStream('Preview', '#444a58'));
  session.onAction = (call) => console.info('[session]', call.action, ...call.args);
  return session;
}

export const langControl = {
  control: 'select' as const,
  options: ['en', 'de', 'fr', 'es', 'ar'],
  description:
    'Language of the texts (falls back to the page’s lang, then English). de, es and fr ship; ar is supplied by the story with registerMessages and lays out right to left.',
};
export const themeControl = {
  control: 'inline-radio' as const,
  options: ['light', 'dark', 'auto'],
  description: 'Color theme.',
};

/**
 * A room story's frame: the whole preview (Storybook's `fullscreen` layout), as a page that gives the room its
 * viewport. In a call the room takes its container's size, so the call fills the frame.
 */
export function roomFrame(room: TemplateResult): TemplateResult {
  return html`<div style="height: 100vh">${room}</div>`;
}
export const FULLSCREEN = { layout: 'fullscreen' as const };
