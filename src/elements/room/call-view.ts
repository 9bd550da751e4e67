/**
 * The call screen of `<hashdrop-room>`: the stage, the in-call controls, the chat panel and, for hosts, the side column
 * with the host panel and the invite. A pre-join page never shows it, so the room loads this module with a dynamic
 * `import()` (starting as soon as the room reaches pre-join) instead of carrying it in the up-front bytes, and calls
 * `defineCallElements()` before rendering it. The host's side column is a module of its own (host-elements.ts), loaded
 * once the viewer is a host, so a guest's call never fetches it; the chat panel, reactions, captions and the Recording
 * and Live badges are another (call-extras.ts), loaded once one of them has something to show.
 *
 * `<hashdrop-call-view>` is internal: it renders into the room's shadow root (no shadow root of its own), so the
 * room's CSS parts (`call`, `controls`, `leave`, …) stay the room's, and it adds its styles to that root.
 */
import {
  html,
  nothing,
  type CSSResultOrNative,
  type PropertyValues,
  type ReactiveElement,
  type TemplateResult,
} from 'lit';
import { property, state } from 'lit/decorators.js';
import { INITIAL_SNAPSHOT, type RoomSnapshot } from '../../core/snapshot.js';
import type { HashdropHostPanel } from '../host-panel/host-panel.js';
import { defineElement, HashdropElement } from '../shared/hashdrop-element.js';
import { HashdropControlBar } from '../control-bar/control-bar.js';
import { HashdropStage } from '../stage/stage.js';
import { defineParticipantTile } from '../participant-tile/define-tile.js';
import type { HashdropChat } from '../chat/chat.js';
import { defineBackgroundChoice } from '../prejoin/background-choice.js';
import type { HashdropChatToggleEvent, HashdropChatUnreadEvent } from '../shared/events.js';
import { recordingBadge, streamBadge } from '../recording/indicator-markup.js';
import { loadCallExtra, loadCallExtras, loadPopOut } from '../shared/call-extras-loader.js';
import type { CallExtraName } from '../call-extras.js';
import type { HashdropPeopleToggleEvent } from '../control-bar/people-toggle-event.js';
import type { HashdropCaptionsToggleEvent } from '../control-bar/captions-toggle-event.js';
import { isConnected } from '../../core/transitions.js';
import type { HashdropPopOutToggleEvent } from '../control-bar/pop-out-toggle-event.js';
import { sessionContext, snapshotContext } from '../shared/context.js';
import { requestContext, ViewContexts } from './view-contexts.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import { callViewStyles, NARROW_QUERY, NARROW_WIDTH } from './call-view.styles.js';
import type { PopOutController } from './pop-out.js';
import { popOutSupport } from './pop-out-support.js';
import { adoptStylesIn } from './pop-out-styles.js';

/**
 * Defines the elements the call screen uses (each only if its tag is still free).
 * @internal
 */
export function defineCallElements(): void {
  defineParticipantTile();
  defineElement('hashdrop-stage', HashdropStage);
  defineElement('hashdrop-control-bar', HashdropControlBar);
  // The pre-join screen's background choice: it renders before a call, and this chunk loads while it shows.
  defineBackgroundChoice();
  defineElement('hashdrop-call-view', HashdropCallView);
}

/** The host's side column (its own chunk), loading or loaded once someone in this page is a host. */
let hostElements: Promise<void> | null = null;

/** Starts loading the host's side column unless under way; a failed load is tried again on the next update. */
function loadHostElements(): Promise<void> {
  hostElements ??= import('../host-elements.js').then(
    (module) => module.defineHostCallElements(),
    (error: unknown) => {
      hostElements = null;
      console.error('hashdrop: could not load the host controls', error);
    },
  );
  return hostElements;
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
  /** Captions show unless the person turned them off (the control bar's Captions button). */
  @state() private captionsOn = true;
  /** Someone in this call has published captions: from then on the control bar offers the Captions button. */
  @state() private captionsSeen = false;
  @state() private unread = 0;
  /** The host panel: a side panel open from the start where there is room, a drawer opened on demand where not. */
  @state() private peopleOpen = typeof matchMedia === 'undefined' || !matchMedia(NARROW_QUERY).matches;

  /**
   * The room's session, which this view provides again (with the snapshot) to the elements in it: they find it here
   * wherever the view is, in the room or in the pop-out window's document, where no room is above them.
   */
  #session: RoomSessionApi | null = null;
  #stopSession: (() => void) | null = null;
  readonly #contexts = new ViewContexts(this, [sessionContext, snapshotContext]);
  /** Made when the call is first popped out, with the extras' chunk, which carries it (see call-extras.ts). */
  #popOut: PopOutController | null = null;
  /** The room's own styles, which its shadow root keeps (and a pop-out window's host copies). */
  #roomStyles: readonly CSSResultOrNative[] = [];
  /** The extras (call-extras.ts) being loaded, which `updateComplete` waits for. */
  readonly #extrasLoading = new Map<CallExtraName, Promise<void>>();

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // The room's shadow root gets this screen's styles after its own (each time: the list is set, not added to).
    const root = this.getRootNode() as ShadowRoot;
    const hostStyles = (root.host.constructor as typeof ReactiveElement).elementStyles;
    if (hostStyles) this.#roomStyles = hostStyles;
    adoptStylesIn(root, [...this.#roomStyles, callViewStyles]);
    requestContext(this, sessionContext, (session, unsubscribe) => {
      this.#stopSession = unsubscribe ?? null;
      this.#session = session ?? null;
      this.requestUpdate();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopSession?.();
    this.#stopSession = null;
  }

  /** Where the call is: in the page, or popped out (`window`: the whole call; `video`: the spotlight's video). */
  get poppedOut(): 'window' | 'video' | null {
    return this.#popOut?.mode ?? null;
  }

  /** Pops the call out of the page, as the Pop out control does (needs a user's click). */
  async popOut(): Promise<void> {
    let PopOut: typeof PopOutController;
    try {
      PopOut = await loadPopOut();
    } catch (error) {
      console.error('hashdrop: could not load the pop-out', error);
      return;
    }
    this.#popOut ??= new PopOut(
      this,
      (key) => this.t(key),
      () => this.#session,
      () => Promise.all([loadCallExtras(), this.snapshot.role === 'host' ? loadHostElements() : null]),
    );
    await this.#popOut.open();
  }

  /** Brings a popped-out call back into the page. */
  popIn(): void {
    this.#popOut?.close();
  }

  /**
   * The pointer or focus came to Pop out, or to the More menu that holds it in a narrow bar: the pop-out comes ahead
   * of the click. (The whole bar would be too wide a sign: the pointer that pressed Join often rests where it appears.)
   */
  #preparePopOut = (event: Event) => {
    if (!popOutSupport()) return;
    const parts = event.composedPath().map((node) => (node instanceof Element ? node.getAttribute('part') : null));
    if (parts.some((part) => part && /(^| )(pop-out|more)( |$)/.test(part))) void loadPopOut().catch(() => {});
  };

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#contexts.set(sessionContext, this.#session ?? undefined);
    this.#contexts.set(snapshotContext, this.snapshot);
    const s = this.snapshot;
    if (!isConnected(s.status)) this.captionsSeen = false;
    else if (s.captions.length > 0) this.captionsSeen = true;
    // From the moment the join's answer says host (the call is still connecting), or a host makes them a co-host.
    if (s.role === 'host') void loadHostElements();
    // The extras' tags wait in the page, undefined, until there is something for them to show.
    if (this.chatOpen || s.chat.length > 0) this.#loadExtra('chat');
    if (s.reactions.length > 0) this.#loadExtra('reactions');
    if (this.captionsSeen) this.#loadExtra('captions');
    if (s.recording.active || s.stream.active) this.#loadExtra('recording-indicator');
    if (s.unmuteRequested) this.#loadExtra('unmute-request');
  }

  #loadExtra(name: CallExtraName): void {
    if (this.#extrasLoading.has(name) || customElements.get(`hashdrop-${name}`)) return;
    this.#extrasLoading.set(
      name,
      loadCallExtra(name).finally(() => this.#extrasLoading.delete(name)),
    );
  }

  #toggleCaptions = (event: HashdropCaptionsToggleEvent) => {
    if (!event.defaultPrevented) this.captionsOn = event.on;
  };

  /** The control bar's chat button asks for a state (`open`); unless the page canceled it, the panel follows. */
  #toggleChat = (event: HashdropChatToggleEvent) => {
    if (event.defaultPrevented) return;
    this.chatOpen = event.open;
    // Where panels are sheets over the stage, one at a time.
    if (event.open && this.#narrow()) this.peopleOpen = false;
    if (event.open) void this.#focusPanel('chat');
  };

  #togglePeople = (event: HashdropPeopleToggleEvent) => {
    if (event.defaultPrevented) return;
    this.peopleOpen = event.open;
    if (event.open && this.#narrow()) this.chatOpen = false;
    if (event.open) void this.#focusPanel('people');
  };

  #narrow(): boolean {
    return this.getBoundingClientRect().width <= NARROW_WIDTH;
  }

  /** Focus moves into a panel that was just opened: the chat's message field, the host panel's heading. */
  async #focusPanel(panel: 'chat' | 'people'): Promise<void> {
    await this.updateComplete;
    if (panel === 'chat') {
      const chat = this.querySelector<HashdropChat>('hashdrop-chat');
      await chat?.updateComplete;
      chat?.shadowRoot?.querySelector<HTMLElement>('#chat-input')?.focus();
    } else {
      await loadHostElements();
      const hostPanel = this.querySelector<HashdropHostPanel>('hashdrop-host-panel');
      await hostPanel?.updateComplete;
      hostPanel?.focusInitial();
    }
  }

  /** Escape in a panel closes it and puts focus back on the control bar button that opened it. */
  #closeOnEscape(panel: 'chat' | 'people'): (event: KeyboardEvent) => void {
    return (event) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (panel === 'chat') this.chatOpen = false;
      else this.peopleOpen = false;
      const bar = this.querySelector('hashdrop-control-bar');
      bar?.shadowRoot
        ?.querySelector<HTMLElement>(panel === 'chat' ? '[part~="chat-toggle"]' : '[part~="people-toggle"]')
        ?.focus();
    };
  }

  #togglePopOut = (event: HashdropPopOutToggleEvent) => {
    if (event.defaultPrevented) return;
    if (event.out) void this.popOut();
    else this.popIn();
  };

  #unread = (event: HashdropChatUnreadEvent) => {
    this.unread = event.count;
  };

  /** Also waits for the host's side column and the extras while they load: `updateComplete` means all is there. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (this.snapshot.role === 'host') await hostElements;
    await Promise.all(this.#extrasLoading.values());
    return result;
  }

  override render(): TemplateResult {
    const s = this.snapshot;
    const lang = this.lang;
    const host = s.role === 'host';
    const sidebar = host && this.peopleOpen;
    const classes = [sidebar ? 'with-sidebar' : '', this.chatOpen ? 'with-chat' : ''].filter(Boolean).join(' ');
    return html`<div
      part="call"
      class=${classes}
      @hashdrop-chat-toggle=${this.#toggleChat}
      @hashdrop-chat-unread=${this.#unread}
      @hashdrop-people-toggle=${this.#togglePeople}
      @hashdrop-captions-toggle=${this.#toggleCaptions}
      @hashdrop-pop-out-toggle=${this.#togglePopOut}
    >
      <section aria-labelledby="call-title">
        <div part="call-header">
          <h2 id="call-title" tabindex="-1" data-focus-target>
            ${s.room?.name || s.room?.code || this.t('room.in-call.title')}
          </h2>
          ${s.status === 'reconnecting' ? html`<span class="muted">${this.t('room.reconnecting')}</span>` : nothing}
          ${recordingBadge(s.recording.active, lang)} ${streamBadge(s.stream.active, lang)}
        </div>
        <hashdrop-stage part="stage" lang=${lang} layout=${this.layout}></hashdrop-stage>
        <hashdrop-reactions part="reactions" lang=${lang}></hashdrop-reactions>
        <hashdrop-captions part="captions" lang=${lang} ?hidden=${!this.captionsOn}></hashdrop-captions>
        <hashdrop-unmute-request part="unmute-request" lang=${lang} hidden></hashdrop-unmute-request>
        <hashdrop-control-bar
          part="controls"
          exportparts="mic-toggle, camera-toggle, screen-share, pop-out, chat-toggle, leave, end-for-all"
          lang=${lang}
          ?chat-open=${this.chatOpen}
          .unread=${this.unread}
          people-button
          ?people-open=${sidebar}
          ?captions-button=${this.captionsSeen}
          ?captions-on=${this.captionsOn}
          ?pop-out-button=${!!popOutSupport()}
          ?popped-out=${!!this.#popOut?.mode}
          @pointerover=${this.#preparePopOut}
          @focusin=${this.#preparePopOut}
        ></hashdrop-control-bar>
      </section>
      <hashdrop-chat
        part="chat-panel"
        id="call-chat"
        lang=${lang}
        .historyIsNew=${true}
        ?hidden=${!this.chatOpen}
        @keydown=${this.#closeOnEscape('chat')}
      ></hashdrop-chat>
      ${
        host
          ? html`<aside
              part="sidebar"
              aria-label=${this.t('room.sidebar')}
              ?hidden=${!sidebar}
              @keydown=${this.#closeOnEscape('people')}
            >
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
