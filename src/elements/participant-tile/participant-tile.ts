import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { icon, SHARED_ICONS } from '../shared/icons.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { property } from 'lit/decorators.js';
import type { ParticipantAction } from '../../contract/routes.js';
import { actionDone, actionLabel, kickConfirm } from '../shared/participant-actions.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import type { ParticipantSnapshot, TrackSnapshot } from '../../core/snapshot.js';
import { AnnouncerController } from '../shared/announcer.js';
import { ConfirmDialogController } from '../shared/confirm-dialog.js';
import { MenuController } from '../shared/menu.js';
import { attachMedia } from '../shared/attach-media.js';
import { HashdropPinRequestEvent } from '../shared/events.js';
import { HashdropElement } from '../shared/hashdrop-element.js';
import { dialogStyles } from '../shared/dialog.styles.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { participantTileStyles } from './participant-tile.styles.js';

export type TileSource = 'camera' | 'screen_share';

/** Up to two initials of a display name ("Ada Lovelace" → "AL"). */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0]!, words[words.length - 1]!] : words;
  return letters.map((w) => [...w][0]!.toUpperCase()).join('') || '?';
}

/** A stable hue per name, so a person keeps their avatar color across tiles and sessions. */
function hueOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/** The video track a tile shows, when it can show one now. */
export function visibleTrack(p: ParticipantSnapshot | null, source: TileSource): TrackSnapshot | null {
  const track = p ? (source === 'screen_share' ? p.screenShare : p.camera) : null;
  // A remote video is shown (and so received) whenever it is published and not muted: attaching subscribes to it.
  return track && !track.muted ? track : null;
}

const ICONS = {
  micOff: svg`<path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3Zm7-3h-2a5 5 0 0 1-.6 2.4l1.5 1.5A7 7 0 0 0 19 11ZM4.3 3 3 4.3l5 5V11a4 4 0 0 0 5.6 3.7l1.6 1.6A6 6 0 0 1 6 11H4a8 8 0 0 0 7 7.9V22h2v-3.1a8 8 0 0 0 3.6-1.3l3.1 3.1 1.3-1.3Z"/>`,
  hand: SHARED_ICONS.hand,
  pin: svg`<path d="M16 3H8v2l1 1v5l-3 3v2h5v6l1 1 1-1v-6h5v-2l-3-3V6l1-1Z"/>`,
  screen: SHARED_ICONS.screen,
};

const QUALITY_BARS: Record<ParticipantSnapshot['connectionQuality'], number> = {
  excellent: 3,
  good: 2,
  poor: 1,
  lost: 0,
  unknown: 0,
};

/**
 * @tagname hashdrop-participant-tile
 * @summary One participant of the call: their camera or shared screen (attached through the session while the tile is
 * in the document), or an avatar with their initials when there is no video; their name, a muted microphone, a
 * speaking outline, connection quality, a hand-raised badge, a screen-share label and the pinned state. `<hashdrop-stage>`
 * creates these; a page may also place one itself by setting `session` and `participant`.
 *
 * Click, Enter or Space on a tile that is not `static` fires `hashdrop-pin-request`; the stage pins or unpins unless
 * the event is canceled.
 *
 * @attr source - `camera` (default) or `screen_share`: which of the participant's videos to show.
 * @attr pinned - Shows the tile as pinned (set by the stage).
 * @attr static - Not pressable: no pin request, no button role (the spotlight).
 * @attr fit - `cover` or `contain`; by default a camera covers the tile and a screen share is shown whole.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @fires {HashdropPinRequestEvent} hashdrop-pin-request - The tile was pressed (`pin` true to pin, false to unpin);
 *   cancelable.
 *
 * @csspart base - The tile's box (a button unless `static`).
 * @csspart video - The participant's video.
 * @csspart avatar - The initials shown when there is no video.
 * @csspart footer - The row at the bottom (microphone, name, quality).
 * @csspart name - The name label.
 * @csspart name-text - The name itself.
 * @csspart mic-muted - The muted-microphone icon.
 * @csspart quality - The connection-quality bars.
 * @csspart badges - The row of badges at the top.
 * @csspart actions-button - The host's "⋯" menu button (hosts, on other people's camera tiles).
 * @csspart actions-menu - The host's menu of actions (mute, invite to stage, move to audience, lower hand, remove).
 * @csspart menu-item - An action in the menu (also `menu-item-<action>`).
 * @csspart kick-dialog - The Remove confirmation dialog.
 * @csspart kick-confirm - The dialog's Remove button.
 * @csspart kick-cancel - The dialog's Cancel button.
 * @csspart badge - Every badge (also `hand`, `pin-badge` or `screen-share-label`).
 *
 * @cssprop [--hashdrop-tile-background=var(--hashdrop-color-video)] - Background behind the video.
 * @cssprop [--hashdrop-tile-radius=var(--hashdrop-radius-m)] - Corner radius.
 * @cssprop [--hashdrop-tile-speaking-color=var(--hashdrop-color-success)] - Outline while speaking.
 * @cssprop [--hashdrop-tile-pinned-color=var(--hashdrop-color-accent)] - Outline and badge when pinned.
 * @cssprop [--hashdrop-tile-label-background=rgba(0,0,0,.7)] - Background of the name and badges.
 * @cssprop [--hashdrop-tile-label-color=#fff] - Text of the name and badges.
 * @cssprop [--hashdrop-tile-avatar-size=clamp(2.5rem,35%,7rem)] - Diameter of the avatar.
 *
 * @cssstate video - The video is shown.
 * @cssstate avatar - No video: the initials are shown.
 * @cssstate speaking - The participant is speaking (camera tiles).
 * @cssstate muted - The microphone is off.
 * @cssstate pinned - Pinned to the spotlight.
 * @cssstate screen-share - The tile shows a shared screen.
 * @cssstate hand-raised - The participant raised a hand.
 * @cssstate local - The tile is this browser's own.
 * @cssstate poor-connection - The participant's connection is poor or lost.
 */
export class HashdropParticipantTile extends HashdropElement {
  static override styles = [tokenStyles, controlStyles, dialogStyles, participantTileStyles];

  /** The participant to show (a snapshot entry; replaced, never mutated). */
  @property({ attribute: false }) participant: ParticipantSnapshot | null = null;
  /** The session whose tracks to attach. */
  @property({ attribute: false }) session: RoomSessionApi | null = null;
  @property({ reflect: true }) source: 'camera' | 'screen_share' = 'camera';
  @property({ type: Boolean, reflect: true }) pinned = false;
  @property({ type: Boolean, reflect: true }) static = false;
  @property() fit: 'cover' | 'contain' | '' = '';
  /** Host actions to offer in the tile's menu (the stage sets them for hosts; empty: no menu). */
  @property({ attribute: false }) actions: readonly ParticipantAction[] = [];

  readonly #menu = new MenuController<'actions'>(this, {
    items: () => [...this.renderRoot.querySelectorAll<HTMLElement>('[part~="menu-item"]')],
    button: () => this.renderRoot.querySelector<HTMLElement>('[part="actions-button"]'),
  });
  readonly #announcer = new AnnouncerController(this);
  readonly #kick = new ConfirmDialogController(
    this,
    (confirmed) => {
      const p = this.participant;
      if (confirmed && p) void this.session?.moderate(p.identity, 'kick');
    },
    () => this.renderRoot.querySelector<HTMLElement>('[part="actions-button"]'),
  );

  #attachedSid: string | null = null;

  /** The sid of the track attached now, or null (tests, debugging). */
  get attachedTrack(): string | null {
    return this.#attachedSid;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#syncStates();
  }

  /** Attaches the video through the session (see `attachMedia`), and notes which track for `attachedTrack`. */
  #attach(sid: string): ReturnType<typeof attachMedia> {
    const session = this.session;
    // The local camera is drawn before its track exists, and that first attach finds nothing: attach again once it
    // does. A remote video subscribes on attach itself (the session receives it only while a view shows it).
    const ready = !this.participant?.isLocal || !!visibleTrack(this.participant, this.source)?.subscribed;
    return attachMedia(
      [session, sid, ready],
      session &&
        ((element) => {
          const detach = session.attach(sid, element);
          this.#attachedSid = sid;
          return () => {
            this.#attachedSid = null;
            detach();
          };
        }),
    );
  }

  #syncStates(): void {
    const p = this.participant;
    const hasVideo = !!visibleTrack(p, this.source);
    this.setState('video', hasVideo);
    this.setState('avatar', !hasVideo);
    this.setState('speaking', !!p?.isSpeaking && this.source === 'camera');
    this.setState('muted', this.#muted);
    this.setState('pinned', this.pinned);
    this.setState('screen-share', this.source === 'screen_share');
    this.setState('hand-raised', !!p?.handRaisedAt);
    this.setState('local', !!p?.isLocal);
    this.setState('poor-connection', p?.connectionQuality === 'poor' || p?.connectionQuality === 'lost');
  }

  get #muted(): boolean {
    const p = this.participant;
    return !!p && (!p.microphone || p.microphone.muted);
  }

  /** The name as shown: "Ada (you)", "Grace’s screen". */
  get #label(): string {
    const p = this.participant;
    if (!p) return '';
    if (this.source === 'screen_share') {
      return p.isLocal ? this.t('tile.screen-share.you') : this.t('tile.screen-share', { name: p.name });
    }
    return p.isLocal ? this.t('tiles.you', { name: p.name }) : p.name;
  }

  #press(reason: 'pointer' | 'keyboard'): void {
    const p = this.participant;
    if (this.static || !p) return;
    this.emit(new HashdropPinRequestEvent(p.identity, this.source, !this.pinned, reason));
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    event.preventDefault();
    if (!event.repeat) this.#press('keyboard');
  };

  // ── Host menu ─────────────────────────────────────────────────────────────────────────────────────────────────

  async #choose(action: ParticipantAction): Promise<void> {
    const p = this.participant;
    this.#menu.close();
    if (!p || !this.session) return;
    if (action === 'kick') return this.#kick.open();
    await this.session.moderate(p.identity, action);
    this.#announcer.announce(this.t(actionDone(action), { name: p.name }));
  }

  #hostMenu(p: ParticipantSnapshot): TemplateResult | typeof nothing {
    if (this.actions.length === 0 || this.source !== 'camera') return nothing;
    const t = (key: Parameters<typeof this.t>[0], values?: Record<string, string | number>) => this.t(key, values);
    return html`<button
        part="actions-button"
        type="button"
        aria-label=${this.t('people.actions', { name: p.name })}
        aria-haspopup="menu"
        aria-expanded=${this.#menu.open ? 'true' : 'false'}
        @click=${() => void this.#menu.toggle('actions')}
      >
        <span aria-hidden="true">⋯</span>
      </button>
      ${
        this.#menu.open
          ? html`<div
              part="actions-menu"
              role="menu"
              aria-label=${this.t('people.actions', { name: p.name })}
              @keydown=${this.#menu.onKeyDown}
            >
              ${this.actions.map(
                (action) =>
                  html`<button
                    part="menu-item menu-item-${action}"
                    role="menuitem"
                    tabindex="-1"
                    type="button"
                    @click=${() => void this.#choose(action)}
                  >
                    ${this.t(actionLabel(action))}
                  </button>`,
              )}
            </div>`
          : nothing
      }
      ${this.actions.includes('kick') ? this.#kick.render(kickConfirm(t, p.name)) : nothing} ${this.#announcer.region()}`;
  }

  override render(): TemplateResult {
    const p = this.participant;
    if (!p) return html`<div part="base"></div>`;
    const track = visibleTrack(p, this.source);
    const screen = this.source === 'screen_share';
    const speaking = p.isSpeaking && !screen;
    const muted = this.#muted && !screen;
    const label = this.#label;
    const fit = this.fit || (screen ? 'contain' : 'cover');
    const quality = p.connectionQuality;
    const bars = QUALITY_BARS[quality];
    const status = [
      muted ? this.t('tiles.muted') : '',
      speaking ? this.t('tiles.speaking') : '',
      !track && !screen ? this.t('tiles.no-video') : '',
      p.handRaisedAt ? this.t('tile.hand-raised') : '',
      this.pinned ? this.t('tile.pinned') : '',
      p.isLocal ? '' : this.t(`tile.quality.${quality}`),
    ]
      .filter(Boolean)
      .join(', ');
    const interactive = !this.static;
    const hue = hueOf(p.name);
    return html`<div
        part="base"
        class=${speaking ? 'speaking' : ''}
        role=${interactive ? 'button' : 'group'}
        tabindex=${interactive ? '0' : '-1'}
        aria-pressed=${ifDefined(interactive ? (this.pinned ? 'true' : 'false') : undefined)}
        aria-label=${interactive ? this.t('tile.pin', { name: label }) : label}
        aria-describedby="status"
        data-identity=${p.identity}
        @click=${() => this.#press('pointer')}
        @keydown=${this.#onKeyDown}
      >
        ${
          track
            ? html`<video
                part="video"
                class="${fit} ${p.isLocal && !screen ? 'mirror' : ''}"
                data-sid=${track.sid}
                autoplay
                playsinline
                .muted=${true}
                aria-hidden="true"
                ${this.#attach(track.sid)}
              ></video>`
            : // The initials are drawn from an attribute, not text: they repeat the name, and as text they would be
              // visible content missing from the tile's accessible name (WCAG 2.5.3, axe label-content-name-mismatch).
              html`<span
                part="avatar"
                aria-hidden="true"
                data-initials=${initialsOf(p.name)}
                style="background: hsl(${hue} 45% 32%)"
              ></span>`
        }
        <div part="badges">
          ${
            screen
              ? html`<span part="badge screen-share-label">${icon(ICONS.screen)}<span>${label}</span></span>`
              : nothing
          }
          ${p.handRaisedAt ? html`<span part="badge hand" title=${this.t('tile.hand-raised')}>${icon(ICONS.hand)}</span>` : nothing}
          ${this.pinned ? html`<span part="badge pin-badge" title=${this.t('tile.pinned')}>${icon(ICONS.pin)}</span>` : nothing}
        </div>
        <div part="footer">
          ${
            // A shared screen is named by its label at the top ("Grace’s screen"); a second name here would be visible
            // text that is not the tile's accessible name.
            screen
              ? nothing
              : html`<span part="name"
                  >${muted ? html`<span part="mic-muted">${icon(ICONS.micOff)}</span>` : nothing}<span part="name-text"
                    >${label}</span
                  ></span
                >`
          }
          ${
            p.isLocal || screen
              ? nothing
              : html`<span part="quality" class=${quality} aria-hidden="true"
                  >${[1, 2, 3].map((n) => html`<i class=${n <= bars ? 'on' : ''}></i>`)}</span
                >`
          }
        </div>
        <span id="status" class="visually-hidden">${status}</span>
      </div>
      ${this.#hostMenu(p)}`;
  }
}
