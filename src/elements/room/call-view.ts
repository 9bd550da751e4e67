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
import { HashdropControlBar } from '../control-bar/control-bar.js';
import { HashdropStage } from '../stage/stage.js';
import { defineParticipantTile } from '../stage/stage-elements.js';
import { HashdropChat } from '../chat/chat.js';
import { renderRecordingIndicator } from '../recording/recording-indicator.js';

export { callViewStyles } from './call-view.styles.js';

/** Defines the elements the call screen uses (each only if its tag is still free). */
export function defineCallElements(): void {
  defineParticipantTile();
  defineElement('hashdrop-stage', HashdropStage);
  defineElement('hashdrop-control-bar', HashdropControlBar);
  defineElement('hashdrop-host-panel', HashdropHostPanel);
  defineElement('hashdrop-invite', HashdropInvite);
  defineElement('hashdrop-chat', HashdropChat);
}

/** The chat side panel's view state, per session (the room re-renders the call view from scratch each time). */
interface ChatPanel {
  open: boolean;
  unread: number;
}
const chatPanels = new WeakMap<object, ChatPanel>();
const NO_SESSION = {};

function chatPanel(session: RoomSessionApi | null): ChatPanel {
  const key = session ?? NO_SESSION;
  let panel = chatPanels.get(key);
  if (!panel) chatPanels.set(key, (panel = { open: false, unread: 0 }));
  return panel;
}

/** Re-renders the room whose shadow root the event's listener lives in. */
function rerender(event: Event): void {
  const root = (event.currentTarget as Node | null)?.getRootNode();
  ((root as ShadowRoot | undefined)?.host as { requestUpdate?: () => void } | undefined)?.requestUpdate?.();
}

/** What the call screen reads from its room. */
export interface CallViewContext {
  snapshot: RoomSnapshot;
  session: RoomSessionApi | null;
  /** The language attribute for the nested elements. */
  lang: string;
  /** The stage's layout (the room's `layout` attribute). */
  layout: 'spotlight' | 'grid';
  t: (key: MessageKey) => string;
}

/** The call screen; the title carries `data-focus-target` so the room moves focus to it on arrival. */
export function renderCallView({ snapshot: s, session, lang, layout, t }: CallViewContext): TemplateResult {
  const host = s.role === 'host';
  const chat = chatPanel(session);
  // The control bar's chat button (`hashdrop-chat-toggle`, with the state asked for) and the fallback button below.
  const toggleChat = (event: Event & { open?: boolean }) => {
    if (event.defaultPrevented && event.type !== 'click') return;
    chat.open = typeof event.open === 'boolean' ? event.open : !chat.open;
    rerender(event);
  };
  const classes = [host ? 'with-sidebar' : '', chat.open ? 'with-chat' : ''].filter(Boolean).join(' ');
  return html`<div
    part="call"
    class=${classes}
    @hashdrop-chat-toggle=${toggleChat}
    @hashdrop-chat-unread=${(event: Event & { count?: number }) => {
      chat.unread = event.count ?? 0;
      rerender(event);
    }}
  >
    <section aria-labelledby="call-title">
      <div part="call-header">
        <h2 id="call-title" tabindex="-1" data-focus-target>
          ${s.room?.name || s.room?.code || t('room.in-call.title')}
        </h2>
        ${s.status === 'reconnecting' ? html`<span class="muted">${t('room.reconnecting')}</span>` : nothing}
        ${renderRecordingIndicator(s.recording.active, lang)}
      </div>
      <hashdrop-stage part="stage" lang=${lang} layout=${layout}></hashdrop-stage>
      <hashdrop-control-bar
        part="controls"
        exportparts="mic-toggle, camera-toggle, screen-share, chat-toggle, leave, end-for-all"
        lang=${lang}
        ?chat-open=${chat.open}
        .unread=${chat.unread}
      ></hashdrop-control-bar>
    </section>
    <hashdrop-chat part="chat-panel" id="call-chat" lang=${lang} ?hidden=${!chat.open}></hashdrop-chat>
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
