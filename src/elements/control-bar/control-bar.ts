import { backgroundItem } from './background-item.js';
import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Reaction } from '../../contract/index.js';
import type { DeviceOption, RoomSnapshot } from '../../core/snapshot.js';
import type { MessageKey } from '../../i18n/index.js';
import { isConnected } from '../../core/transitions.js';
import { HashdropChatToggleEvent } from '../shared/events.js';
import { icon } from '../shared/icons.js';
import { AnnouncerController } from '../shared/announcer.js';
import { ConfirmDialogController } from '../shared/confirm-dialog.js';
import { MenuController } from '../shared/menu.js';
import { SessionElement } from '../shared/session-element.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { controlChanges } from './control-announcements.js';
import { LabelFitController } from './label-fit.js';
import { controlBarStyles } from './control-bar.styles.js';
import { CONTROL_ICONS as ICONS } from './control-icons.js';
import { HashdropPeopleToggleEvent } from './people-toggle-event.js';
import { HashdropCaptionsToggleEvent } from './captions-toggle-event.js';
import { reactionItems, reactionMenu } from './reaction-picker.js';
import { moreMenu, secondaryButton, type SecondaryControl } from './secondary-controls.js';
import { badge, popOutControl, sharingStatus } from './bar-parts.js';

export type Menu = 'microphone' | 'camera' | 'more' | 'reactions';

/** The part of the button that opens each menu (focus goes back there). */
const MENU_BUTTONS: Record<Menu, string> = {
  microphone: 'mic-devices',
  camera: 'camera-devices',
  more: 'more',
  reactions: 'reactions-button',
};

/** Below this width (px) the bar keeps its primary controls and moves the rest into its "More" menu: one row from 360px. */
const COMPACT_WIDTH = 420;

/**
 * @tagname hashdrop-control-bar
 * @summary The in-call controls: microphone and camera toggles with device menus, screen share (and who is sharing),
 * raise hand, the chat toggle with an unread count, Leave, and for hosts "End for all" behind a confirmation dialog. State changes
 * are announced through a polite live region.
 *
 * One row at any width from 360px: icon buttons (each with its name as a tooltip and for screen readers) carry text
 * labels where there is room; in a bar narrower than 420px, screen share, raise hand and End for all move into a
 * "More" menu. Red is kept for Leave and End for all; a microphone or camera that is off shows a crossed-out icon.
 *
 * Keyboard shortcuts, while in a call (and unless `no-shortcuts` is set): **Ctrl+D** (⌘D on a Mac) turns the
 * microphone on or off, **Ctrl+E** (⌘E) the camera. In a device menu the arrow keys move, Enter chooses and Escape
 * closes; in the End-for-all dialog Escape cancels.
 *
 * @attr chat-open - The chat is showing (the chat button is pressed). The owner of the chat sets it; the bar flips it
 *   itself when nobody cancels `hashdrop-chat-toggle`.
 * @attr unread - Chat messages not seen yet, shown as a badge on the chat button while the chat is closed.
 * @attr people-button - Shows a People button (hosts) with the count of people waiting, which asks for the host panel
 *   (`hashdrop-people-toggle`); `<hashdrop-room>` sets it.
 * @attr people-open - The host panel is showing (the People button is pressed).
 * @attr captions-button - Shows a Captions button, which asks for captions on or off (`hashdrop-captions-toggle`);
 *   `<hashdrop-room>` sets it once someone in the call publishes captions.
 * @attr captions-on - Captions are showing (the Captions button is pressed).
 * @attr pop-out-button - Shows a Pop out button, which asks for the call in a floating window
 *   (`hashdrop-pop-out-toggle`); `<hashdrop-room>` sets it where the browser can.
 * @attr popped-out - The call is in a floating window (the Pop out button is pressed).
 * @attr no-shortcuts - Turns the keyboard shortcuts off.
 * @attr for - The id of a `<hashdrop-room>` whose call to control, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @fires {HashdropChatToggleEvent} hashdrop-chat-toggle - The chat button was pressed (`open`: the state asked for);
 *   cancelable.
 * @fires {HashdropCaptionsToggleEvent} hashdrop-captions-toggle - The Captions button was pressed (`on`: the state
 *   asked for); cancelable.
 * @fires {HashdropPopOutToggleEvent} hashdrop-pop-out-toggle - The Pop out button was pressed (`out`: the state asked
 *   for); cancelable.
 * @fires {HashdropPeopleToggleEvent} hashdrop-people-toggle - The People button was pressed (`open`: the state asked
 *   for); cancelable.
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
 * @csspart captions-toggle - The Captions button (with `captions-button`).
 * @csspart reactions-button - The Reactions button, whose menu sends an emoji reaction to everyone (a wide bar).
 * @csspart reactions-menu - Its menu.
 * @csspart reaction-row - The six reactions (in the Reactions menu, or at the end of the "More" menu of a narrow bar).
 * @csspart reaction-item - One reaction.
 * @csspart pop-out - The Pop out button (with `pop-out-button`).
 * @csspart chat-toggle - The chat button.
 * @csspart unread - The unread badge.
 * @csspart people-toggle - The People button (with `people-button`).
 * @csspart waiting-count - The People button's badge: how many are waiting to join.
 * @csspart more - The "More" button of a narrow bar.
 * @csspart more-menu - Its menu.
 * @csspart leave - The Leave button.
 * @csspart end-for-all - The End for all button (hosts).
 * @csspart confirm-dialog - The End-for-all confirmation dialog.
 * @csspart confirm-end - The dialog's End for all button.
 * @csspart cancel-end - The dialog's Cancel button.
 *
 * @cssprop [--hashdrop-control-bar-gap=var(--hashdrop-space-s)] - Space between controls.
 * @cssprop [--hashdrop-control-bar-background=transparent] - Background.
 * @cssprop [--hashdrop-control-bar-badge-background=var(--hashdrop-color-accent)] - Unread badge background.
 * @cssprop [--hashdrop-control-bar-badge-color=var(--hashdrop-color-accent-contrast)] - Unread badge text.
 *
 * The audience (stage mode) gets no microphone, camera or screen share controls, and an audio-only room no camera or
 * screen share. A role change (promoted to speaker, moved to the audience) and a host lowering your hand are announced.
 *
 * @cssstate mic-off - The microphone is off.
 * @cssstate camera-off - The camera is off.
 * @cssstate sharing - This browser shares its screen.
 * @cssstate chat-open - The chat panel is open.
 * @cssstate compact - The bar is narrower than 420px: icons only, the rest in the "More" menu.
 * @cssstate icons-only - The labels do not fit the bar's width: icons only (each keeps its name and tooltip).
 * @cssstate host - The viewer is a host.
 * @cssstate hand-raised - The viewer's hand is raised.
 * @cssstate audience - The viewer is in the audience (stage mode).
 */
export class HashdropControlBar extends SessionElement {
  static override styles = [tokenStyles, controlStyles, dialogStyles, controlBarStyles];

  @property({ type: Boolean, reflect: true, attribute: 'chat-open' }) chatOpen = false;
  @property({ type: Number }) unread = 0;
  @property({ type: Boolean, attribute: 'people-button' }) peopleButton = false;
  @property({ type: Boolean, reflect: true, attribute: 'people-open' }) peopleOpen = false;
  @property({ type: Boolean, attribute: 'captions-button' }) captionsButton = false;
  @property({ type: Boolean, reflect: true, attribute: 'captions-on' }) captionsOn = false;
  @property({ type: Boolean, attribute: 'pop-out-button' }) popOutButton = false;
  @property({ type: Boolean, reflect: true, attribute: 'popped-out' }) poppedOut = false;
  @property({ type: Boolean, attribute: 'no-shortcuts' }) noShortcuts = false;

  readonly #menus = new MenuController<Menu>(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="menu-item"]')],
    button: (menu) => this.renderRoot.querySelector<HTMLElement>(`[part~="${MENU_BUTTONS[menu]}"]`),
    initial: (items) => items.find((item) => item.getAttribute('aria-checked') === 'true'),
  });
  readonly #announcer = new AnnouncerController(this);
  readonly #endForAll = new ConfirmDialogController(
    this,
    (end) => void (end && this.activeSession?.endForAll()),
    () => this.renderRoot.querySelector<HTMLElement>('[part~="end-for-all"], [part~="more"]'),
  );
  /** The bar's width, measured; below COMPACT_WIDTH the secondary controls go into the "More" menu. */
  readonly #size = new ResizeController(this, {
    callback: (entries) => entries[0]?.contentRect.width ?? Infinity,
  });

  constructor() {
    super();
    // Labels while they fit (measured after each render and resize), icons only when they do not.
    new LabelFitController(this, {
      row: () => this.renderRoot.querySelector<HTMLElement>('[part="bar"]'),
      width: () => this.#size.value,
      iconsOnly: (on) => this.setState('icons-only', on),
    });
  }
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
    const changes = controlChanges(s, previous, {
      t: (key, values) => this.t(key, values),
      handToggled: this.#handToggled,
      // A closed host panel cannot speak for itself (its live region is hidden): the People button's bar does.
      speaksForHostPanel: this.peopleButton && !this.peopleOpen,
    });
    this.#handToggled = false;
    if (changes.length) this.#announcer.announce(changes.join('. '));
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.setState('chat-open', this.chatOpen);
    this.setState('compact', this.#compact);
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

  #toggleCaptions(): void {
    const on = !this.captionsOn;
    if (this.emit(new HashdropCaptionsToggleEvent(on))) this.captionsOn = on;
  }

  #react = (emoji: Reaction): void => void this.activeSession?.react(emoji);

  #togglePeople(): void {
    const open = !this.peopleOpen;
    if (this.emit(new HashdropPeopleToggleEvent(open))) this.peopleOpen = open;
  }

  get #compact(): boolean {
    return (this.#size.value ?? Infinity) < COMPACT_WIDTH;
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
      ${menu === 'camera' ? backgroundItem(this.snapshot, (k) => this.t(k), this.activeSession, this.#menus) : nothing}
    </div>`;
  }

  // ── End for all ─────────────────────────────────────────────────────────────────────────────────────────────

  /** Opens the End-for-all confirmation (hosts). */
  confirmEndForAll(): void {
    void this.#endForAll.open();
  }

  // ── Rendering ───────────────────────────────────────────────────────────────────────────────────────────────

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
        title=${this.t(camera ? 'controls.camera' : 'controls.microphone')}
        @click=${toggle}
      >
        ${icon(camera ? (enabled ? ICONS.camera : ICONS.cameraOff) : enabled ? ICONS.mic : ICONS.micOff)}<span
          class="label"
          >${this.t(camera ? 'controls.camera' : 'controls.microphone')}</span
        >
      </button>
      <button
        part="device-button ${short}-devices"
        type="button"
        aria-label=${this.t(camera ? 'controls.camera.devices' : 'controls.microphone.devices')}
        aria-haspopup="menu"
        aria-expanded=${this.#menus.open === menu ? 'true' : 'false'}
        title=${this.t(camera ? 'controls.camera.devices' : 'controls.microphone.devices')}
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

  override render(): TemplateResult {
    const s = this.snapshot;
    const session = this.activeSession;
    const host = s.role === 'host' && !!session && s.capabilities.endForAll;
    const t = (key: MessageKey, values?: Record<string, string | number>) => this.t(key, values);
    const mod = typeof navigator !== 'undefined' && /Mac|iP(hone|ad)/.test(navigator.platform) ? '⌘' : 'Ctrl';
    const sharing = sharingStatus(s, t);
    const unread = this.unread > 0 && !this.chatOpen ? this.unread : 0;
    // The audience publishes nothing (the token forbids it), and an audio-only room has no video to offer.
    const publisher = s.role !== 'audience';
    const video = publisher && !s.room?.policy.audioOnly;
    const hand = s.role !== 'host' && !!session && s.capabilities.raiseHand;
    const people = this.peopleButton && s.role === 'host';
    const waiting = s.knocks.length;
    const compact = this.#compact;
    const secondary: SecondaryControl[] = [];
    if (video) {
      secondary.push({
        part: 'screen-share',
        icon: ICONS.screen,
        label: this.t('controls.screen-share'),
        pressed: s.screenSharing,
        run: () => void this.activeSession?.setScreenShareEnabled(!s.screenSharing),
      });
    }
    if (hand) {
      secondary.push({
        part: 'hand-toggle',
        icon: ICONS.hand,
        label: this.t('controls.hand'),
        pressed: !!s.handRaisedAt,
        run: () => this.#toggleHand(),
      });
    }
    if (this.captionsButton) {
      secondary.push({
        part: 'captions-toggle',
        icon: ICONS.captions,
        label: this.t('controls.captions'),
        pressed: this.captionsOn,
        run: () => this.#toggleCaptions(),
      });
    }
    if (this.popOutButton) secondary.push(popOutControl(this, (key) => this.t(key)));
    const react = !!session && s.capabilities.react;
    const endForAll: SecondaryControl = {
      part: 'end-for-all',
      icon: ICONS.end,
      label: this.t('room.end-for-all'),
      danger: true,
      run: () => this.confirmEndForAll(),
    };
    return html`<div part="bar" role="group" aria-label=${this.t('controls.label')} aria-describedby="shortcuts">
        ${publisher ? this.#deviceGroup(s, 'microphone') : nothing} ${video ? this.#deviceGroup(s, 'camera') : nothing}
        ${compact ? nothing : secondary.map((item) => secondaryButton(item))}
        ${react && !compact ? reactionMenu(t, this.#menus, this.#react) : nothing}
        <button
          part="chat-toggle"
          type="button"
          title=${this.t('controls.chat')}
          aria-pressed=${this.chatOpen ? 'true' : 'false'}
          @click=${this.#toggleChat}
        >
          ${icon(ICONS.chat)}<span class="label">${this.t('controls.chat')}</span>
          <slot name="unread">${badge('unread', unread, this.t('controls.chat.unread', { count: unread }))}</slot>
        </button>
        ${
          people
            ? html`<button
                part="people-toggle"
                type="button"
                title=${this.t('controls.people')}
                aria-pressed=${this.peopleOpen ? 'true' : 'false'}
                @click=${this.#togglePeople}
              >
                ${icon(ICONS.people)}<span class="label">${this.t('controls.people')}</span>
                ${badge('waiting-count', waiting, this.t('controls.people.waiting', { count: waiting }))}
              </button>`
            : nothing
        }
        ${
          compact && (secondary.length || host || react)
            ? moreMenu(
                host ? [...secondary, endForAll] : secondary,
                this.t('controls.more'),
                this.#menus,
                react ? reactionItems(t, this.#menus, this.#react) : nothing,
              )
            : nothing
        }
        <button
          part="leave"
          class="danger"
          type="button"
          title=${this.t('room.leave')}
          @click=${() => void session?.leave()}
        >
          ${icon(ICONS.leave)}<span class="label">${this.t('room.leave')}</span>
        </button>
        ${host && !compact ? secondaryButton(endForAll) : nothing}
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
