/**
 * The call screen of `<hashdrop-room>`: the stage, the in-call controls, the chat panel and, for hosts, the side column
 * with the host panel and the invite. A pre-join page never shows it, so the room loads this module with a dynamic
 * `import()` (starting as soon as the room reaches pre-join) instead of carrying it in the up-front bytes, and calls
 * `defineCallElements()` before rendering it.
 *
 * `<hashdrop-call-view>` is internal: it renders into the room's shadow root (no shadow root of its own), so the
 * room's CSS parts (`call`, `controls`, `leave`, …) stay the room's, and it adds its styles to that root.
 */
import { adoptStyles, html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { INITIAL_SNAPSHOT, type RoomSnapshot } from '../../core/snapshot.js';
import { HashdropHostPanel } from '../host-panel/host-panel.js';
import { HashdropInvite } from '../invite/invite.js';
import { defineElement, HashdropElement } from '../shared/hashdrop-element.js';
import { HashdropControlBar } from '../control-bar/control-bar.js';
import { HashdropStage } from '../stage/stage.js';
import { defineParticipantTile } from '../participant-tile/define-tile.js';
import { HashdropChat } from '../chat/chat.js';
import { HashdropCaptions } from '../captions/captions.js';
import { HashdropReactions } from '../reactions/reactions.js';
import type { HashdropChatToggleEvent, HashdropChatUnreadEvent } from '../shared/events.js';
import { renderRecordingIndicator, renderStreamIndicator } from '../recording/recording-indicator.js';
import { callViewStyles } from './call-view.styles.js';

/**
 * Defines the elements the call screen uses (each only if its tag is still free).
 * @internal
 */
export function defineCallElements(): void {
  defineParticipantTile();
  defineElement('hashdrop-stage', HashdropStage);
  defineElement('hashdrop-control-bar', HashdropControlBar);
  defineElement('hashdrop-host-panel', HashdropHostPanel);
  defineElement('hashdrop-invite', HashdropInvite);
  defineElement('hashdrop-chat', HashdropChat);
  defineElement('hashdrop-captions', HashdropCaptions);
  defineElement('hashdrop-reactions', HashdropReactions);
  defineElement('hashdrop-call-view', HashdropCallView);
}

/**
 * The call screen inside `<hashdrop-room>`; the title carries `data-focus-target` so the room moves focus to it on
 * arrival. The room keeps one, so the chat panel stays as it was from one call to the next.
 * @internal
 */
export class HashdropCallView extends HashdropElement {
  @property({ attribute: false }) snapshot: RoomSnapshot = INITIAL_SNAPSHOT;
  /** The stage's layout (the room's `layout` attribute). */
  @property() layout: 'spotlight' | 'grid' = 'spotlight';

  @state() private chatOpen = false;
  @state() private unread = 0;

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The room's shadow root gets this screen's styles after its own (each time: the list is set, not added to).
    const root = this.getRootNode() as ShadowRoot;
    adoptStyles(root, [...(root.host.constructor as typeof ReactiveElement).elementStyles, callViewStyles]);
  }

  /** The control bar's chat button asks for a state (`open`); unless the page canceled it, the panel follows. */
  #toggleChat = (event: HashdropChatToggleEvent) => {
    if (!event.defaultPrevented) this.chatOpen = event.open;
  };

  #unread = (event: HashdropChatUnreadEvent) => {
    this.unread = event.count;
  };

  override render(): TemplateResult {
    const s = this.snapshot;
    const lang = this.lang;
    const host = s.role === 'host';
    const classes = [host ? 'with-sidebar' : '', this.chatOpen ? 'with-chat' : ''].filter(Boolean).join(' ');
    return html`<div
      part="call"
      class=${classes}
      @hashdrop-chat-toggle=${this.#toggleChat}
      @hashdrop-chat-unread=${this.#unread}
    >
      <section aria-labelledby="call-title">
        <div part="call-header">
          <h2 id="call-title" tabindex="-1" data-focus-target>
            ${s.room?.name || s.room?.code || this.t('room.in-call.title')}
          </h2>
          ${s.status === 'reconnecting' ? html`<span class="muted">${this.t('room.reconnecting')}</span>` : nothing}
          ${renderRecordingIndicator(s.recording.active, lang)} ${renderStreamIndicator(s.stream.active, lang)}
        </div>
        <hashdrop-stage part="stage" lang=${lang} layout=${this.layout}></hashdrop-stage>
        <hashdrop-reactions part="reactions" lang=${lang}></hashdrop-reactions>
        <hashdrop-captions part="captions" lang=${lang}></hashdrop-captions>
        <hashdrop-control-bar
          part="controls"
          exportparts="mic-toggle, camera-toggle, screen-share, chat-toggle, leave, end-for-all"
          lang=${lang}
          ?chat-open=${this.chatOpen}
          .unread=${this.unread}
        ></hashdrop-control-bar>
      </section>
      <hashdrop-chat part="chat-panel" id="call-chat" lang=${lang} ?hidden=${!this.chatOpen}></hashdrop-chat>
      ${
        host
          ? html`<aside part="sidebar" aria-label=${this.t('room.sidebar')}>
              <hashdrop-host-panel lang=${lang}></hashdrop-host-panel>
              <hashdrop-invite lang=${lang} no-join></hashdrop-invite>
            </aside>`
          : nothing
      }
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-call-view': HashdropCallView;
  }
}
