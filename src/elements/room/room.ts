import { ContextProvider } from '@lit/context';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { whenIdle } from '../../core/idle.js';
import { RoomSession, type RoomSessionOptions } from '../../core/room-session.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import { isConnected, isEngaged } from '../../core/transitions.js';
import {
  INITIAL_SNAPSHOT,
  SESSION_STATUSES,
  type RoomSnapshot,
  type SessionError,
  type SessionStatus,
} from '../../core/snapshot.js';
import { isLanguageTag, type MessageKey } from '../../i18n/index.js';
import { sessionContext, snapshotContext } from '../shared/context.js';
import { HashdropErrorEvent } from '../shared/events.js';
import { HashdropElement } from '../shared/hashdrop-element.js';
import { controlStyles, spinnerStyles, tokenStyles } from '../shared/tokens.styles.js';
import { roomStyles } from './room.styles.js';
import type { HashdropCallView } from './call-view.js';
import { snapshotEvents } from './snapshot-events.js';
import { attributeErrorCard, card, errorTexts, roomViewOf, type RoomView } from './view.js';
import { forgetHostKeyInUrl, hostKeyInUrl } from './host-key.js';
import { loadCallView, loadedCallView } from './call-view-loader.js';
import { checkRoomAttributes, parseRoomAttribute, parseToggle } from './attributes.js';

/**
 * @tagname hashdrop-room
 * @summary The whole video room: creates (or is given) a session, walks it through pre-join, lobby, the call and its
 * end, and provides it to the elements inside.
 *
 * @attr endpoint - Base URL of a HashDrop endpoint (lobby, hosts, moderation). Use this or `token-endpoint`.
 * @attr token-endpoint - A plain LiveKit token endpoint (a call without lobby or moderation).
 * @attr room - The room to join: a code such as `STELLAR-PHOENIX` (any case or separator, or an invite link), or a room
 *   id. Changing it while in a call does not switch rooms: a `hashdrop-error` (not fatal) reports it and the new room
 *   is prepared once the call is over.
 * @attr name - The display name to prefill (and to join with, with `autojoin`).
 * @attr create - Create a new room on load and become its host (do not combine with `room`).
 * @attr autojoin - Join as soon as the room is ready, with `name`, skipping the Join button.
 * @attr audio - `on` (default) or `off` (also `true`/`false`; empty means on): the microphone's initial state.
 * @attr video - `on` (default) or `off` (also `true`/`false`; empty means on): the camera's initial state.
 * @attr lang - Language of all texts (falls back to the page's `lang`, then English).
 * @attr layout - The call's layout: `spotlight` (default: one person large above a strip of the others) or `grid`.
 * @attr theme - `light`, `dark` or `auto` (follows the OS). Without it the page's `color-scheme` applies.
 * @attr host-key - The secret host key of a room (from creating it). Without it, a `?host=` in the page URL is used
 *   (a host link, `…?room=CODE&host=KEY`), then removed from the address bar once redeemed (`history.replaceState`).
 * @attr status - (read-only, reflected) idle, pre-join, connecting, waiting, in-room, reconnecting, ended, denied, error
 * @attr popped-out - (read-only, reflected) The call is out of the page: in a floating window, or the spotlight's video
 *   in picture-in-picture where the browser has no Document Picture-in-Picture (the control bar's Pop out button).
 *
 * @fires {HashdropStatusChangeEvent} hashdrop-status-change - The status changed (`previous` null for a new session).
 * @fires {HashdropJoinedEvent} hashdrop-joined - This browser entered the call.
 * @fires {HashdropLeftEvent} hashdrop-left - This browser left the call (`reason`).
 * @fires {HashdropDeniedEvent} hashdrop-denied - A host declined the request to join.
 * @fires {HashdropErrorEvent} hashdrop-error - A failure (`code`: BROWSER_UNSUPPORTED when this browser cannot make
 *   calls, INVALID_ATTRIBUTE for a bad attribute, or the endpoint's code); `fatal` false if the call goes on.
 * @fires {HashdropKnockEvent} hashdrop-knock - (Hosts) someone is asking to join.
 * @fires {HashdropPopOutEvent} hashdrop-pop-out - The call left the page (`mode`: `window` or `video`).
 * @fires {HashdropPopInEvent} hashdrop-pop-in - The call is back in the page (its window was closed, or Bring back).
 *
 * @csspart base - The container of every screen.
 * @csspart card - The connecting, ended and error screens.
 * @csspart error-detail - On the error screen, the endpoint's or browser's own message under ours.
 * @csspart notice - A non-fatal notice above the screen.
 * @csspart call - The in-call layout.
 * @csspart call-header - The call's title row.
 * @csspart recording - The "Recording" badge in the call's title row (`<hashdrop-recording-indicator>`).
 * @csspart stream - The "Live" badge in the call's title row while the call is streamed (`<hashdrop-recording-indicator kind="stream">`).
 * @csspart stage - The in-call media view (`<hashdrop-stage>`).
 * @csspart controls - The in-call control bar (`<hashdrop-control-bar>`); its buttons are exported as the parts below.
 * @csspart mic-toggle - The in-call microphone toggle.
 * @csspart camera-toggle - The in-call camera toggle.
 * @csspart screen-share - The in-call screen share toggle.
 * @csspart pop-out - The in-call Pop out button.
 * @csspart pop-out-placeholder - In the call's place while it is in a floating window; `pop-in`: its Bring back button.
 * @csspart leave - The Leave button.
 * @csspart end-for-all - The End for all button (hosts).
 * @csspart sidebar - The host panel and invite: a side column, or a sheet over the call on narrow screens (People).
 * @csspart chat-panel - The chat: a side column, or a sheet over the call on narrow screens (Escape closes it).
 * @csspart rejoin - The Rejoin button (ended).
 * @csspart retry - The Try again button (error).
 *
 * @cssprop [--hashdrop-room-background=var(--hashdrop-color-surface)] - Background.
 * @cssprop [--hashdrop-room-padding=var(--hashdrop-space-m)] - Inner padding.
 * @cssprop [--hashdrop-room-min-height=24rem] - Minimum height (keeps the page from jumping between screens).
 * @cssprop [--hashdrop-room-sidebar-width=20rem] - Width of the host's side column.
 * @cssprop [--hashdrop-room-chat-width=20rem] - Width of the chat's side column.
 * @cssprop [--hashdrop-room-call-min-height=32rem] - A call's least height (it fills its container, or a phone).
 * @cssprop [--hashdrop-room-stage-background=#16171b] - Behind the videos: dark in both themes, as calls are.
 *
 * @cssstate idle - No room yet (before the first snapshot, or no room chosen).
 * @cssstate pre-join - The pre-join screen.
 * @cssstate connecting - Joining.
 * @cssstate waiting - In the lobby, waiting to be let in.
 * @cssstate in-room - In the call.
 * @cssstate reconnecting - In the call, reconnecting.
 * @cssstate ended - The call is over.
 * @cssstate denied - A host declined the request to join.
 * @cssstate error - A failure the user can retry from.
 * @cssstate invalid - An attribute is invalid (the attribute error screen shows).
 */
export class HashdropRoom extends HashdropElement {
  static override styles = [tokenStyles, controlStyles, spinnerStyles, roomStyles];

  /** Makes the session when none is injected; replaceable (tests, a page that configures sessions itself). */
  static createSession: (options: RoomSessionOptions) => RoomSessionApi = (options) => new RoomSession(options);

  @property() endpoint = '';
  @property({ attribute: 'token-endpoint' }) tokenEndpoint = '';
  @property() room = '';
  @property() name = '';
  @property({ type: Boolean }) create = false;
  @property({ type: Boolean }) autojoin = false;
  @property() audio: 'on' | 'off' | 'true' | 'false' | '' | null = null;
  @property() video: 'on' | 'off' | 'true' | 'false' | '' | null = null;
  @property() theme: 'light' | 'dark' | 'auto' | null = null;
  @property() layout: 'spotlight' | 'grid' | null = null;
  @property({ attribute: 'host-key' }) hostKey = '';

  @state() private snap: RoomSnapshot = INITIAL_SNAPSHOT;
  @state() private attributeError: SessionError | null = null;
  @state() private announcement = '';
  @state() private notice = '';

  #injected: RoomSessionApi | null = null;
  #owned: RoomSessionApi | null = null;
  /** The host key the owned session was given from the page URL (`?host=`), until the claim succeeds. */
  #urlHostKey = '';
  #subscribed: RoomSessionApi | null = null;
  #unsubscribe: (() => void) | null = null;
  #disposeTimer: ReturnType<typeof setTimeout> | null = null;
  #started: string | null = null;
  #autojoined: string | null = null;
  #pendingRoom: string | null = null;
  #lastView: RoomView | null = null;
  /** The screen this update renders, worked out once per update (in `willUpdate`). */
  #view: RoomView = 'prejoin';
  #reportedError = '';
  /** Resolves once the call view module is here and this room has asked to render with it. */
  #callViewReady: Promise<void> | null = null;
  /** The call screen: one per room, kept from one call to the next (it holds the chat panel's state). */
  #callView: HashdropCallView | null = null;
  /**
   * Out of the document for good (its session let go): it renders no screen, so whatever still refers to it, or to a
   * node in it, holds none of the others. Chromium's autofill, for one, keeps the last form it saw sent (pre-join's)
   * until another is, and with pre-join still in place that form held the whole room, hidden call screen included.
   */
  #released = false;

  readonly #sessionProvider = new ContextProvider(this, { context: sessionContext });
  readonly #snapshotProvider = new ContextProvider(this, { context: snapshotContext });

  /** The session in use: the injected one, else the one this element made. Set it to inject a session. */
  get session(): RoomSessionApi | null {
    return this.#injected ?? this.#owned;
  }
  set session(value: RoomSessionApi | null) {
    const old = this.#injected;
    this.#injected = value;
    if (value && this.#owned) this.#disposeOwned();
    this.requestUpdate('session', old);
  }

  /** The current status (also reflected as the `status` attribute). */
  get status(): SessionStatus {
    return this.snap.status;
  }

  /** The current snapshot (plain immutable data). */
  get snapshot(): RoomSnapshot {
    return this.snap;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Moved in the DOM: the call goes on.
    if (this.#disposeTimer) clearTimeout(this.#disposeTimer);
    this.#disposeTimer = null;
    if (this.#released) {
      this.#released = false;
      this.requestUpdate();
    }
    this.#bind();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move is a disconnect followed by a connect; only a room that stays out of the document ends its session.
    this.#disposeTimer = setTimeout(() => {
      this.#disposeTimer = null;
      if (this.isConnected) return;
      this.#unbind();
      this.#disposeOwned();
      this.#released = true;
      this.#callView = null;
      this.requestUpdate();
    }, 0);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const watched = ['endpoint', 'tokenEndpoint', 'room', 'create', 'audio', 'video', 'theme', 'layout', 'session'];
    if (watched.some((key) => changed.has(key)) || this.hasUpdated === false) {
      const error = this.#validate();
      this.attributeError = error;
      const key = error ? `${error.attribute}:${error.message}` : '';
      if (error && key !== this.#reportedError) {
        this.updateComplete.then(() => this.emit(new HashdropErrorEvent(error, true)));
      }
      this.#reportedError = key;
    }
    if (changed.has('room') && this.hasUpdated && !this.attributeError) this.#roomChanged();
    this.#view = roomViewOf(this.snap, !!this.attributeError, !!loadedCallView(), this.#lastView);
    if (this.#lastView !== null && this.#view !== this.#lastView) this.#releaseFocus();
  }

  /**
   * Takes focus off the screen this update replaces (the Join button, a card's title). Chromium lays the page out at
   * once when it removes the focused element, to fix focus up: in the middle of the update, ahead of the rest of its
   * work (the call screen's first layout, on entering the call). Blurred first, the old screen goes cheaply, and
   * `#moveFocus` focuses the new one after the update. The call screen stays focused where it is: it is kept.
   */
  #releaseFocus(): void {
    let active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (!active || active === this.#callView) return;
    while (active.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    (active as HTMLElement).blur();
  }

  /**
   * Also waits for the call screen when the call has begun but its module is still on the way, so `updateComplete`
   * means "the screen for this status is rendered" (tests, pages that look inside).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    const result = await super.getUpdateComplete();
    if (!isConnected(this.snap.status)) return result;
    if (!loadedCallView() && this.#callViewReady) {
      await this.#callViewReady;
      await super.getUpdateComplete();
    }
    // The call screen renders in an update of its own.
    return (await this.#callView?.updateComplete) ?? result;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#bind();
    this.#start();
    this.setAttribute('status', this.snap.status);
    for (const s of SESSION_STATUSES) {
      this.setState(s, this.snap.status === s);
    }
    this.setState('invalid', !!this.attributeError);
    const view = this.#view;
    if (view !== this.#lastView) {
      const first = this.#lastView === null;
      this.#lastView = view;
      if (!first) void this.#moveFocus(view);
    }
  }

  // ---- attributes ----

  #validate(): SessionError | null {
    const problem = checkRoomAttributes(this, this.getAttribute('lang'), !!this.#injected);
    if (!problem) return null;
    const [attribute, key, value = ''] = problem;
    return { code: 'INVALID_ATTRIBUTE', attribute, message: this.t(key, { attribute, value }) };
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) {
      this.attributeError = this.#validate();
    }
  }

  #roomChanged(): void {
    const ref = parseRoomAttribute(this.room);
    if (!ref || !this.session) return;
    if (isEngaged(this.snap.status)) {
      this.#pendingRoom = ref;
      this.notice = this.t('room.error.room-change', { value: ref });
      this.updateComplete.then(() =>
        this.emit(new HashdropErrorEvent({ code: 'CLIENT', attribute: 'room', message: this.notice }, false)),
      );
      return;
    }
    this.#pendingRoom = null;
    this.#started = `room:${ref}`;
    void this.session.prepare(ref);
  }

  // ---- session ----

  #bind(): void {
    if (!this.isConnected) return;
    if (!this.#injected && !this.#owned && !this.attributeError && this.hasUpdated) {
      this.#owned = HashdropRoom.createSession(this.#options());
    }
    const session = this.session;
    if (session === this.#subscribed) return;
    this.#unbind();
    this.#subscribed = session;
    this.#sessionProvider.setValue(session ?? undefined);
    if (!session) return;
    this.#unsubscribe = session.subscribe((next, previous) => this.#onSnapshot(next, previous));
    this.#started = null;
    this.#autojoined = null;
    this.#onSnapshot(session.snapshot, null);
  }

  #unbind(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#subscribed = null;
  }

  #disposeOwned(): void {
    const owned = this.#owned;
    this.#owned = null;
    owned?.dispose();
  }

  #options(): RoomSessionOptions {
    const options: RoomSessionOptions = {
      audio: parseToggle(this.audio) ?? true,
      video: parseToggle(this.video) ?? true,
    };
    if (this.endpoint) options.endpoint = this.endpoint;
    else if (this.tokenEndpoint) options.tokenEndpoint = this.tokenEndpoint;
    // A `?host=` in the page URL is used only without the attribute (and then removed once redeemed).
    this.#urlHostKey = this.hostKey ? '' : hostKeyInUrl();
    const hostKey = this.hostKey || this.#urlHostKey;
    if (hostKey) options.hostKey = hostKey;
    return options;
  }

  /** Kicks the flow off once per session: create a room, or prepare the one named. */
  #start(): void {
    const session = this.session;
    if (!session || this.attributeError || this.snap.status !== 'idle') return;
    const ref = parseRoomAttribute(this.room);
    const key = this.create ? 'create' : ref ? `room:${ref}` : null;
    if (!key || key === this.#started) return;
    this.#started = key;
    if (this.create) void session.createRoom();
    else if (ref) void session.prepare(ref);
  }

  #onSnapshot(next: RoomSnapshot, previous: RoomSnapshot | null): void {
    this.snap = next;
    this.#snapshotProvider.setValue(next);
    // From pre-join on, a call may follow: fetch its screen once pre-join is painted, beside the SDK preload the
    // session starts then; in a call, at once.
    if (isEngaged(next.status)) this.#loadCallView();
    else if (next.status === 'pre-join') whenIdle(() => this.#loadCallView());
    if (previous?.status !== next.status) this.announcement = this.t(`status.${next.status}` as MessageKey);
    for (const event of snapshotEvents(previous, next)) this.emit(event);
    if (previous?.status !== next.status && !isEngaged(next.status)) this.#applyPendingRoom();
    // Once a host key from the page URL has made this browser a host, it leaves the address bar; one that did not stays.
    if (this.#urlHostKey && next.room?.youAreHost && this.#subscribed === this.#owned) {
      this.#urlHostKey = '';
      forgetHostKeyInUrl();
    }
    this.#maybeAutojoin(next);
  }

  #loadCallView(): void {
    if (loadedCallView() || this.#callViewReady) return;
    this.#callViewReady = loadCallView().then((module) => {
      if (module) this.requestUpdate();
      else this.#callViewReady = null;
    });
  }

  #applyPendingRoom(): void {
    const ref = this.#pendingRoom;
    if (!ref || !this.session) return;
    this.#pendingRoom = null;
    this.notice = '';
    this.#started = `room:${ref}`;
    queueMicrotask(() => void this.session?.prepare(ref));
  }

  #maybeAutojoin(s: RoomSnapshot): void {
    if (!this.autojoin || s.status !== 'pre-join') return;
    const name = this.name.trim();
    const key = s.room?.id ?? s.roomRef ?? '';
    if (!name || this.#autojoined === key) return;
    this.#autojoined = key;
    queueMicrotask(() => void this.session?.join(name));
  }

  // ---- view ----

  async #moveFocus(view: RoomView): Promise<void> {
    // Only when focus is ours (or was lost with a removed button): a status change never steals the page's focus.
    const active = document.activeElement;
    const ours = this.matches(':focus-within') || active === null || active === document.body;
    if (!ours) return;
    await this.updateComplete;
    // Focus may have gone elsewhere in the page meanwhile: then leave it there.
    const now = document.activeElement;
    if (now !== active && now !== document.body && now !== null && !this.matches(':focus-within')) return;
    const root = this.renderRoot;
    const child = root.querySelector('hashdrop-prejoin, hashdrop-lobby') as
      (HTMLElement & { focusInitial(): void; updateComplete: Promise<unknown> }) | null;
    if (child && (view === 'prejoin' || view === 'lobby')) {
      await child.updateComplete;
      child.focusInitial();
      return;
    }
    root.querySelector<HTMLElement>('[data-focus-target]')?.focus();
  }

  #retry = () => {
    const session = this.session;
    if (!session) return;
    const ref = this.snap.room?.code ?? this.snap.roomRef ?? parseRoomAttribute(this.room);
    if (ref) void session.prepare(ref);
    else if (this.create) void session.createRoom();
  };

  #renderView(view: RoomView, lang: string): TemplateResult | typeof nothing {
    const s = this.snap;
    switch (view) {
      case 'invalid':
        return attributeErrorCard(this.attributeError!, (key, values) => this.t(key, values));
      case 'prejoin':
        return html`<hashdrop-prejoin lang=${lang} .name=${this.name}></hashdrop-prejoin>`;
      case 'lobby':
        return html`<hashdrop-lobby lang=${lang}></hashdrop-lobby>`;
      case 'connecting':
        return card(this.t('room.connecting.title'), this.t('room.connecting.body'), undefined, true);
      case 'ended':
        return card(
          this.t('room.ended.title'),
          this.t(`room.ended.${s.endedReason ?? 'left'}` as MessageKey),
          s.endedReason === 'room-deleted' || s.endedReason === 'host-ended' || s.endedReason === 'kicked'
            ? undefined
            : html`<button part="rejoin" class="primary" type="button" @click=${this.#retry}>
                ${this.t('room.rejoin')}
              </button>`,
        );
      case 'error': {
        const [body, detail] = errorTexts(s.error, (key) => this.t(key));
        return html`<div role="alert">
          ${card(
            this.t('room.error.title'),
            body,
            html`<button part="retry" class="primary" type="button" @click=${this.#retry}>
              ${this.t('room.error.retry')}
            </button>`,
            false,
            detail,
          )}
        </div>`;
      }
      case 'call':
        return nothing;
    }
  }

  /**
   * The call screen: shown in a call, and made ahead, hidden, from pre-join on (once its module has arrived, which
   * happens when the pre-join screen is idle). Its first render (the control bar, the panels, their styles) is then
   * done while the user reads the pre-join screen, not after the connection is up, where it held back the first
   * remote frame (a 50–70 ms task in the join benchmark), nor at the click, where it held back the join's answer. It
   * sits in its own part after the cards, so Lit keeps the same node from hidden to shown.
   */
  #renderCallView(view: RoomView, lang: string): TemplateResult | typeof nothing {
    const s = this.snap;
    const ahead = s.status === 'pre-join' || s.status === 'waiting' || s.status === 'connecting';
    // roomViewOf only answers 'call' once the call view module is here (and has defined the tag).
    if (!loadedCallView() || (view !== 'call' && !ahead)) return nothing;
    const callView = (this.#callView ??= document.createElement('hashdrop-call-view'));
    // While connecting, the hidden call screen keeps the snapshot it had: the changes of a join (status, identity,
    // role, room) come just before the page hands its token to livekit-client, and rendering the whole call screen for
    // them there held the connection back (10–30 ms in the benchmarks). It renders them once, when it is shown.
    if (view === 'call' || s.status !== 'connecting') callView.snapshot = s;
    callView.layout = this.layout === 'grid' ? 'grid' : 'spotlight';
    callView.lang = lang;
    callView.hidden = view !== 'call';
    return html`${callView}`;
  }

  override render(): TemplateResult {
    const lang = isLanguageTag(this.language) ? this.language : 'en';
    const view = this.#view;
    // Released, each screen is taken out of the same template on its own: a screen node still referred to then holds
    // only itself, not its siblings (as it would inside a removed wrapper).
    const released = this.#released;
    return html`<div part="base" lang=${lang} dir=${this.direction}>
      <div role="status" aria-live="polite" class="visually-hidden">${this.announcement}</div>
      ${this.notice ? html`<p part="notice" class="notice">${this.notice}</p>` : nothing}
      ${released ? nothing : this.#renderView(view, lang)} ${released ? nothing : this.#renderCallView(view, lang)}
    </div>`;
  }
}
