import { html, nothing, svg, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { DeviceOption, RoomSnapshot } from '../../core/snapshot.js';
import { isConnected } from '../../core/transitions.js';
import { HashdropChatToggleEvent } from '../shared/events.js';
import { icon, SHARED_ICONS } from '../shared/icons.js';
import { AnnouncerController } from '../shared/announcer.js';
import { ConfirmDialogController } from '../shared/confirm-dialog.js';
import { MenuController } from '../shared/menu.js';
import { SessionElement } from '../shared/session-element.js';
import { controlStyles, dialogStyles, tokenStyles } from '../shared/tokens.styles.js';
import { controlBarStyles } from './control-bar.styles.js';

type Menu = 'microphone' | 'camera';

const ICONS = {
  mic: svg`<path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9Z"/>`,
  camera: svg`<path d="M17 10.5V7a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3.5l4 4v-11Z"/>`,
  screen: SHARED_ICONS.screen,
  hand: SHARED_ICONS.hand,
  chat: svg`<path d="M20 2H4a2 2 0 0 0-2 2v18l4-4h14a2 2 0 0 0 2-2V4a2 2 0 0 0-2-2Z"/>`,
  leave: svg`<path d="M10 17v-3H3v-4h7V7l5 5Zm9-14H11v2h8v14h-8v2h8a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2Z"/>`,
  caret: svg`<path d="m7 14 5-5 5 5Z"/>`,
};

/**
 * @tagname hashdrop-control-bar
 * @summary The in-call controls: microphone and camera toggles with device menus, screen share (and who is sharing),
 * raise hand, the chat toggle with an unread count, Leave, and for hosts "End for all" behind a confirmation dialog. State changes
 * are announced through a polite live region.
 *
 * Keyboard shortcuts, while in a call (and unless `no-shortcuts` is set): **Ctrl+D** (⌘D on a Mac) turns the
 * microphone on or off, **Ctrl+E** (⌘E) the camera. In a device menu the arrow keys move, Enter chooses and Escape
 * closes; in the End-for-all dialog Escape cancels.
 *
 * @attr chat-open - The chat is showing (the chat button is pressed). The owner of the chat sets it; the bar flips it
 *   itself when nobody cancels `hashdrop-chat-toggle`.
 * @attr unread - Chat messages not seen yet, shown as a badge on the chat button while the chat is closed.
 * @attr no-shortcuts - Turns the keyboard shortcuts off.
 * @attr for - The id of a `<hashdrop-room>` whose call to control, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @fires {HashdropChatToggleEvent} hashdrop-chat-toggle - The chat button was pressed (`open`: the state asked for);
 *   cancelable.
 *
 * @slot unread - Replaces the unread badge of the chat button.
 *
 * @csspart bar - The row of controls.
 * @csspart group - A toggle with its device menu button (also `mic-group`, `camera-group`).
 * @csspart mic-toggle - The microphone toggle.
 * @csspart camera-toggle - The camera toggle.
 * @csspart device-button - A device menu button (also `mic-devices`, `camera-devices`).
 * @csspart menu - A device menu (also `mic-menu`, `camera-menu`).
 * @csspart menu-item - A device in a menu.
 * @csspart screen-share - The screen share toggle.
 * @csspart sharing-status - Who is sharing their screen.
 * @csspart hand-toggle - The Raise hand toggle (everyone but hosts).
 * @csspart chat-toggle - The chat button.
 * @csspart unread - The unread badge.
 * @csspart leave - The Leave button.
 * @csspart end-for-all - The End for all button (hosts).
 * @csspart confirm-dialog - The End-for-all confirmation dialog.
 * @csspart confirm-end - The dialog's End for all button.
 * @csspart cancel-end - The dialog's Cancel button.
 *
 * @cssprop [--hashdrop-control-bar-gap=var(--hashdrop-space-s)] - Space between controls.
 * @cssprop [--hashdrop-control-bar-background=transparent] - Background.
 * @cssprop [--hashdrop-control-bar-badge-background=var(--hashdrop-color-danger)] - Unread badge background.
 * @cssprop [--hashdrop-control-bar-badge-color=var(--hashdrop-color-on-danger)] - Unread badge text.
 *
 * The audience (stage mode) gets no microphone, camera or screen share controls, and an audio-only room no camera or
 * screen share. A role change (promoted to speaker, moved to the audience) and a host lowering your hand are announced.
 *
 * @cssstate mic-off - The microphone is off.
 * @cssstate camera-off - The camera is off.
 * @cssstate sharing - This browser shares its screen.
 * @cssstate chat-open - The chat panel is open.
 * @cssstate host - The viewer is a host.
 * @cssstate hand-raised - The viewer's hand is raised.
 * @cssstate audience - The viewer is in the audience (stage mode).
 */
export class HashdropControlBar extends SessionElement {
  static override styles = [tokenStyles, controlStyles, dialogStyles, controlBarStyles];

  @property({ type: Boolean, reflect: true, attribute: 'chat-open' }) chatOpen = false;
  @property({ type: Number }) unread = 0;
  @property({ type: Boolean, attribute: 'no-shortcuts' }) noShortcuts = false;

  readonly #menus = new MenuController<Menu>(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="menu-item"]')],
    button: (menu) =>
      this.renderRoot.querySelector<HTMLElement>(`[part~="${menu === 'camera' ? 'camera' : 'mic'}-devices"]`),
    initial: (items) => items.find((item) => item.getAttribute('aria-checked') === 'true'),
  });
  readonly #announcer = new AnnouncerController(this);
  readonly #endForAll = new ConfirmDialogController(
    this,
    (end) => void (end && this.activeSession?.endForAll()),
    () => this.renderRoot.querySelector<HTMLElement>('[part~="end-for-all"]'),
  );
  /** The hand changed because of this bar's button (not a host), for the announcement. */
  #handToggled = false;

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.#onShortcut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.#onShortcut);
  }

  protected override snapshotChanged(s: RoomSnapshot, previous: RoomSnapshot | null): void {
    this.setState('mic-off', !s.micEnabled);
    this.setState('camera-off', !s.cameraEnabled);
    this.setState('sharing', s.screenSharing);
    this.setState('host', s.role === 'host');
    this.setState('hand-raised', !!s.handRaisedAt);
    this.setState('audience', s.role === 'audience');
    if (!previous || !isConnected(previous.status)) return;
    const changes: string[] = [];
    if (s.micEnabled !== previous.micEnabled)
      changes.push(this.t(s.micEnabled ? 'controls.mic.on' : 'controls.mic.off'));
    if (s.cameraEnabled !== previous.cameraEnabled) {
      changes.push(this.t(s.cameraEnabled ? 'controls.camera.on' : 'controls.camera.off'));
    }
    if (s.screenSharing !== previous.screenSharing) {
      changes.push(this.t(s.screenSharing ? 'controls.share.on' : 'controls.share.off'));
    }
    if (!!s.handRaisedAt !== !!previous.handRaisedAt) {
      // Lowered without this bar's button being pressed: a host did it.
      const byHost = !s.handRaisedAt && !this.#handToggled;
      changes.push(
        this.t(
          s.handRaisedAt ? 'controls.hand.raised' : byHost ? 'controls.hand.lowered-by-host' : 'controls.hand.lowered',
        ),
      );
    }
    this.#handToggled = false;
    if (s.role !== previous.role && (s.role === 'speaker' || s.role === 'audience') && previous.role) {
      changes.push(this.t(s.role === 'speaker' ? 'controls.role.speaker' : 'controls.role.audience'));
    }
    if (changes.length) this.#announcer.announce(changes.join('. '));
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.setState('chat-open', this.chatOpen);
  }

  readonly #onShortcut = (event: KeyboardEvent): void => {
    if (this.noShortcuts || !(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const s = this.snapshot;
    const session = this.activeSession;
    if (!session || !isConnected(s.status) || s.role === 'audience') return;
    const key = event.key.toLowerCase();
    if (key === 'd') {
      event.preventDefault();
      void session.setMicrophoneEnabled(!s.micEnabled);
    } else if (key === 'e' && !s.room?.policy.audioOnly) {
      event.preventDefault();
      void session.setCameraEnabled(!s.cameraEnabled);
    }
  };

  #toggleHand(): void {
    this.#handToggled = true;
    void this.activeSession?.setHandRaised(!this.snapshot.handRaisedAt);
  }

  #toggleChat(): void {
    const open = !this.chatOpen;
    if (this.emit(new HashdropChatToggleEvent(open))) this.chatOpen = open;
  }

  // ── Device menus ──────────────────────────────────────────────────────────────────────────────────────────────

  #choose(menu: Menu, device: DeviceOption): void {
    const session = this.activeSession;
    if (menu === 'camera') void session?.selectCamera(device.deviceId);
    else void session?.selectMicrophone(device.deviceId);
    this.#announcer.announce(this.t('controls.device.selected', { label: device.label }));
    this.#menus.close();
  }

  #menu(menu: Menu, devices: DeviceOption[], selected: string | null): TemplateResult | typeof nothing {
    if (this.#menus.open !== menu) return nothing;
    const short = menu === 'camera' ? 'camera' : 'mic';
    const label = this.t(menu === 'camera' ? 'controls.camera.devices' : 'controls.microphone.devices');
    return html`<div part="menu ${short}-menu" role="menu" aria-label=${label} @keydown=${this.#menus.onKeyDown}>
      ${
        devices.length === 0
          ? html`<span role="menuitem" aria-disabled="true" part="menu-item" tabindex="-1"
              >${this.t('controls.no-devices')}</span
            >`
          : devices.map(
              (device) =>
                html`<button
                  part="menu-item"
                  type="button"
                  role="menuitemradio"
                  tabindex="-1"
                  aria-checked=${device.deviceId === selected ? 'true' : 'false'}
                  @click=${() => this.#choose(menu, device)}
                >
                  <span class="check" aria-hidden="true">${device.deviceId === selected ? '✓' : ''}</span
                  >${device.label}
                </button>`,
            )
      }
    </div>`;
  }

  // ── End for all ─────────────────────────────────────────────────────────────────────────────────────────────

  /** Opens the End-for-all confirmation (hosts). */
  confirmEndForAll(): void {
    void this.#endForAll.open();
  }

  // ── Rendering ───────────────────────────────────────────────────────────────────────────────────────────────

  #sharingStatus(s: RoomSnapshot): string {
    const sharer = s.participants.find((p) => p.screenShare && !p.screenShare.muted);
    if (s.screenSharing || sharer?.isLocal) return this.t('controls.sharing.you');
    return sharer ? this.t('controls.sharing.other', { name: sharer.name }) : '';
  }

  /** A device toggle with its menu: the same controls for the microphone and the camera. */
  #deviceGroup(s: RoomSnapshot, menu: Menu): TemplateResult {
    const session = this.activeSession;
    const camera = menu === 'camera';
    const short = camera ? 'camera' : 'mic';
    const enabled = camera ? s.cameraEnabled : s.micEnabled;
    const toggle = () => void (camera ? session?.setCameraEnabled(!enabled) : session?.setMicrophoneEnabled(!enabled));
    return html`<div part="group ${short}-group">
      <button
        part="${short}-toggle"
        type="button"
        aria-pressed=${enabled ? 'true' : 'false'}
        aria-keyshortcuts=${camera ? 'Control+E Meta+E' : 'Control+D Meta+D'}
        @click=${toggle}
      >
        ${icon(camera ? ICONS.camera : ICONS.mic)}<span class="label"
          >${this.t(camera ? 'controls.camera' : 'controls.microphone')}</span
        >
      </button>
      <button
        part="device-button ${short}-devices"
        type="button"
        aria-label=${this.t(camera ? 'controls.camera.devices' : 'controls.microphone.devices')}
        aria-haspopup="menu"
        aria-expanded=${this.#menus.open === menu ? 'true' : 'false'}
        @click=${() => void this.#menus.toggle(menu)}
      >
        ${icon(ICONS.caret)}
      </button>
      ${
        camera
          ? this.#menu('camera', s.devices.cameras, s.devices.selectedCamera)
          : this.#menu('microphone', s.devices.microphones, s.devices.selectedMicrophone)
      }
    </div>`;
  }

  #screenShare(s: RoomSnapshot): TemplateResult {
    return html`<button
      part="screen-share"
      type="button"
      aria-pressed=${s.screenSharing ? 'true' : 'false'}
      @click=${() => void this.activeSession?.setScreenShareEnabled(!s.screenSharing)}
    >
      ${icon(ICONS.screen)}<span class="label">${this.t('controls.screen-share')}</span>
    </button>`;
  }

  override render(): TemplateResult {
    const s = this.snapshot;
    const session = this.activeSession;
    const host = s.role === 'host' && !!session && s.capabilities.endForAll;
    const mod = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform) ? '⌘' : 'Ctrl';
    const sharing = this.#sharingStatus(s);
    const unread = this.unread > 0 && !this.chatOpen ? this.unread : 0;
    // The audience publishes nothing (the token forbids it), and an audio-only room has no video to offer.
    const publisher = s.role !== 'audience';
    const video = publisher && !s.room?.policy.audioOnly;
    const hand = s.role !== 'host' && !!session && s.capabilities.raiseHand;
    return html`<div part="bar" role="group" aria-label=${this.t('controls.label')} aria-describedby="shortcuts">
        ${publisher ? this.#deviceGroup(s, 'microphone') : nothing}
        ${video ? html`${this.#deviceGroup(s, 'camera')}${this.#screenShare(s)}` : nothing}
        ${
          hand
            ? html`<button
                part="hand-toggle"
                type="button"
                aria-pressed=${s.handRaisedAt ? 'true' : 'false'}
                @click=${this.#toggleHand}
              >
                ${icon(ICONS.hand)}<span class="label">${this.t('controls.hand')}</span>
              </button>`
            : nothing
        }
        <button
          part="chat-toggle"
          type="button"
          aria-pressed=${this.chatOpen ? 'true' : 'false'}
          @click=${this.#toggleChat}
        >
          ${icon(ICONS.chat)}<span class="label">${this.t('controls.chat')}</span>
          <slot name="unread"
            >${
              unread
                ? html`<span part="unread" aria-hidden="true">${unread}</span
                    ><span class="visually-hidden">${this.t('controls.chat.unread', { count: unread })}</span>`
                : nothing
            }</slot
          >
        </button>
        <button part="leave" class="danger" type="button" @click=${() => void session?.leave()}>
          ${icon(ICONS.leave)}<span class="label">${this.t('room.leave')}</span>
        </button>
        ${
          host
            ? html`<button part="end-for-all" class="danger" type="button" @click=${() => this.confirmEndForAll()}>
                ${this.t('room.end-for-all')}
              </button>`
            : nothing
        }
      </div>
      ${sharing ? html`<p part="sharing-status">${sharing}</p>` : nothing}
      <span id="shortcuts" hidden>${this.t('controls.shortcuts', { mod })}</span>
      ${
        host
          ? this.#endForAll.render({
              parts: { dialog: 'confirm-dialog', confirm: 'confirm-end', cancel: 'cancel-end' },
              title: this.t('controls.end.title'),
              body: this.t('controls.end.body'),
              confirm: this.t('room.end-for-all'),
              cancel: this.t('controls.end.cancel'),
            })
          : nothing
      }
      ${this.#announcer.region()}`;
  }
}
