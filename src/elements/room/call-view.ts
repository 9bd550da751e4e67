/**
 * The call screen of `<hashdrop-room>`: the participants, the in-call controls and, for hosts, the side column with the
 * host panel and the invite. A pre-join page never shows it, so the room loads this module with a dynamic `import()`
 * (starting as soon as the room reaches pre-join) instead of carrying it in the up-front bytes, and calls
 * `defineCallElements()` before rendering it. Later in-call UI (stage, control bar, chat) belongs here too.
 *
 * It renders into the room's shadow root, so the room's CSS parts (`call`, `controls`, `leave`, …) stay the room's.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { RoomSessionApi } from '../../core/session-api.js';
import type { RoomSnapshot } from '../../core/snapshot.js';
import type { MessageKey } from '../../i18n/index.js';
import { HashdropHostPanel } from '../host-panel/host-panel.js';
import { HashdropInvite } from '../invite/invite.js';
import { defineElement } from '../shared/hashdrop-element.js';
import { HashdropTileList } from '../tile-list/tile-list.js';

export { callViewStyles } from './call-view.styles.js';

/** Defines the elements the call screen uses (each only if its tag is still free). */
export function defineCallElements(): void {
  defineElement('hashdrop-tile-list', HashdropTileList);
  defineElement('hashdrop-host-panel', HashdropHostPanel);
  defineElement('hashdrop-invite', HashdropInvite);
}

/** What the call screen reads from its room. */
export interface CallViewContext {
  snapshot: RoomSnapshot;
  session: RoomSessionApi | null;
  /** The language attribute for the nested elements. */
  lang: string;
  t: (key: MessageKey) => string;
}

/** The call screen; the title carries `data-focus-target` so the room moves focus to it on arrival. */
export function renderCallView({ snapshot: s, session, lang, t }: CallViewContext): TemplateResult {
  const host = s.role === 'host';
  return html`<div part="call" class=${host ? 'with-sidebar' : ''}>
    <section aria-labelledby="call-title">
      <div part="call-header">
        <h2 id="call-title" tabindex="-1" data-focus-target>
          ${s.room?.name || s.room?.code || t('room.in-call.title')}
        </h2>
        ${s.status === 'reconnecting' ? html`<span class="muted">${t('room.reconnecting')}</span>` : nothing}
      </div>
      <hashdrop-tile-list lang=${lang}></hashdrop-tile-list>
      <div part="controls" class="row">
        <button
          part="mic-toggle"
          type="button"
          aria-pressed=${s.micEnabled ? 'true' : 'false'}
          @click=${() => void session?.setMicrophoneEnabled(!s.micEnabled)}
        >
          ${t('prejoin.microphone')}
        </button>
        <button
          part="camera-toggle"
          type="button"
          aria-pressed=${s.cameraEnabled ? 'true' : 'false'}
          @click=${() => void session?.setCameraEnabled(!s.cameraEnabled)}
        >
          ${t('prejoin.camera')}
        </button>
        <button part="leave" class="danger" type="button" @click=${() => void session?.leave()}>
          ${t('room.leave')}
        </button>
        ${
          host && session?.endForAll
            ? html`<button part="end-for-all" class="danger" type="button" @click=${() => void session.endForAll?.()}>
                ${t('room.end-for-all')}
              </button>`
            : nothing
        }
      </div>
    </section>
    ${
      host
        ? html`<aside part="sidebar" aria-label=${t('room.sidebar')}>
            <hashdrop-host-panel lang=${lang}></hashdrop-host-panel>
            <hashdrop-invite lang=${lang} no-join></hashdrop-invite>
          </aside>`
        : nothing
    }
  </div>`;
}
