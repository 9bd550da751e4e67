import { ResizeController } from '@lit-labs/observers/resize-controller.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import type { RoomSnapshot } from '../../core/snapshot.js';
import type { TileSource } from '../participant-tile/participant-tile.js';
import { AnnouncerController } from '../shared/announcer.js';
import { remoteAudio } from '../shared/remote-audio.js';
import type { HashdropPinRequestEvent } from '../shared/events.js';
import { actionsFor } from '../shared/participant-actions.js';
import { SessionElement } from '../shared/session-element.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { chooseSpotlight, gridLayout, keyOf, stageItems, stageParticipants, type StageItem } from './stage-layout.js';
import { stageStyles } from './stage.styles.js';
import { StripWindowController } from './strip-window.js';
import { MAX_ZOOM, MIN_ZOOM, ZOOM_STEP, ZoomPanController } from './zoom-pan.js';

const NARROW = 600;

/**
 * @tagname hashdrop-stage
 * @summary The call's media view. In `spotlight` layout one participant fills the spotlight — the one this viewer
 * pinned, else a shared screen, else the active speaker — above a strip of everyone else that scrolls and pages; in
 * `grid` layout everyone shares pages of a grid. Only tiles on screen are rendered, so only their video is attached
 * (and, with LiveKit's adaptive stream, received). Remote microphones always play.
 *
 * The spotlight zooms with the +/− buttons, the wheel, a double-click or a pinch, and pans while zoomed by dragging
 * or, when focused, with the arrow keys (+, −, 0 zoom too; Enter unpins). Click or Enter on a tile pins it; again
 * (or the Unpin button) unpins. Pinning is this viewer's alone.
 *
 * @attr layout - `spotlight` (default) or `grid`.
 * @attr for - The id of a `<hashdrop-room>` whose call to show, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 * @attr narrow - Set by the stage itself when it is narrower than 600px (phone-width sidebars): smaller strip tiles.
 * @attr hide-self - Gives this browser's own participant no place (a recording of the call, not a view from inside).
 *
 * @csspart spotlight - The spotlight's viewport (focusable for keyboard zoom and pan).
 * @csspart spotlight-content - What zooms and pans (carries the transform).
 * @csspart zoom-controls - The zoom buttons and level.
 * @csspart zoom-in - Zoom in.
 * @csspart zoom-out - Zoom out.
 * @csspart zoom-reset - Back to 100%.
 * @csspart zoom-level - The zoom level shown.
 * @csspart unpin - The Unpin button (while something is pinned).
 * @csspart strip - The picture-in-picture strip with its page buttons.
 * @csspart strip-list - The strip's scrolling list.
 * @csspart page-button - The previous and next buttons (also `previous` or `next`).
 * @csspart grid - The grid (grid layout).
 * @csspart grid-pager - The grid's page buttons and position.
 * @csspart audience - Stage mode: the audience's count and list (the audience has no tiles).
 * @csspart audience-toggle - Shows or hides the list of the audience.
 * @csspart audience-list - The audience, by name (with raised hands).
 *
 * @cssprop [--hashdrop-stage-gap=var(--hashdrop-space-s)] - Space between tiles.
 * @cssprop [--hashdrop-stage-strip-tile-width=11rem] - Width of a strip tile (7.5rem when narrow).
 * @cssprop [--hashdrop-stage-spotlight-max-height=60vh] - Tallest the spotlight gets.
 * @cssprop [--hashdrop-stage-background=transparent] - Background.
 *
 * @cssstate spotlight - The spotlight layout.
 * @cssstate grid - The grid layout.
 * @cssstate pinned - Someone is pinned to the spotlight.
 * @cssstate screen-share - A shared screen is in the spotlight.
 * @cssstate zoomed - The spotlight is zoomed in.
 * @cssstate narrow - The stage is narrower than 600px: smaller strip tiles.
 */
export class HashdropStage extends SessionElement {
  static override styles = [tokenStyles, controlStyles, stageStyles];

  @property({ reflect: true }) layout: 'spotlight' | 'grid' = 'spotlight';
  @property({ type: Boolean, reflect: true }) narrow = false;
  @property({ type: Boolean, attribute: 'hide-self' }) hideSelf = false;

  @state() private pinnedKey: string | null = null;
  @state() private gridPage = 0;
  @state() private width = 0;
  @state() private audienceOpen = false;

  readonly #announcer = new AnnouncerController(this);
  readonly #strip = new StripWindowController(this, () =>
    this.renderRoot.querySelector<HTMLElement>('[part="strip-list"]'),
  );
  readonly #zoom = new ZoomPanController(this, {
    viewport: () => this.renderRoot.querySelector<HTMLElement>('[part="spotlight"]'),
    direction: () => this.direction,
    zoomed: (zoom, announce) => {
      if (announce) this.announce(this.t('stage.zoom-level', { percent: Math.round(zoom * 100) }));
    },
    enter: () => this.unpin(),
  });
  #lastSpeaker: string | null = null;
  #spotlightKey: string | null = null;
  #resolveMeasured: () => void = () => {};
  /** Settles after the first measurement, which happens on the browser's schedule (ResizeObserver). */
  readonly #measured = new Promise<void>((resolve) => (this.#resolveMeasured = resolve));

  constructor() {
    super();
    // Measured on the next task: changing layout inside the observer's callback would loop it.
    new ResizeController(this, { skipInitial: true, callback: () => void setTimeout(() => this.#measure()) });
  }

  /** The key (`identity:source`) of what the spotlight shows now. */
  get spotlightKey(): string | null {
    return this.#spotlightKey;
  }

  /** The spotlight's zoom factor (1 = fit). */
  get zoom(): number {
    return this.#zoom.zoom;
  }

  /** The pinned place's key, or null. */
  get pinned(): string | null {
    return this.pinnedKey;
  }

  /** Pin a participant's camera or screen to the spotlight (for this viewer). */
  pin(identity: string, source: TileSource = 'camera'): void {
    this.pinnedKey = keyOf(identity, source);
    const item = stageItems(stageParticipants(this.snapshot, !this.hideSelf)).find((i) => i.key === this.pinnedKey);
    if (item) this.announce(this.t('stage.pinned', { name: item.participant.name }));
  }

  /** Unpins whoever is pinned: the spotlight follows the call again (screen share, active speaker). */
  unpin(): void {
    if (!this.pinnedKey) return;
    this.pinnedKey = null;
    this.announce(this.t('stage.unpinned'));
  }

  /** Sets the spotlight's zoom (clamped to 1–4) and announces it. */
  setZoom(level: number, announce = true): void {
    this.#zoom.set(level, announce);
  }

  /** Track sids attached by the tiles on screen (tests, debugging). */
  get attachedTracks(): string[] {
    const sids: string[] = [];
    for (const tile of this.renderRoot.querySelectorAll('hashdrop-participant-tile')) {
      const sid = (tile as unknown as { attachedTrack: string | null }).attachedTrack;
      if (sid) sids.push(sid);
    }
    return sids;
  }

  protected announce(message: string): void {
    this.#announcer.announce(message);
  }

  protected override snapshotChanged(snapshot: RoomSnapshot): void {
    const speaker = snapshot.participants.find((p) => p.identity === snapshot.activeSpeaker);
    if (speaker && !speaker.isLocal) this.#lastSpeaker = speaker.identity;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#arrange();
    this.setState('spotlight', this.layout !== 'grid');
    this.setState('grid', this.layout === 'grid');
    this.setState('pinned', !!this.pinnedKey);
    this.setState('zoomed', this.#zoom.zoom > 1);
    this.setState('narrow', this.narrow);
  }

  // ── Layout measurement ──────────────────────────────────────────────────────────────────────────────────────

  #measure(): void {
    const width = this.getBoundingClientRect().width;
    if (Math.abs(width - this.width) >= 1) this.width = width;
    const narrow = width > 0 && width < NARROW;
    if (narrow !== this.narrow) this.narrow = narrow;
    this.#zoom.clampPan();
    this.#strip.measure();
    this.#resolveMeasured();
  }

  /** Resolves once the stage has measured itself and rendered the strip window for that size (tests, screenshots). */
  async layoutReady(): Promise<void> {
    await this.#measured;
    // Measuring can schedule a render, whose strip measurement (at the next frame) can schedule one more; settle them
    // (bounded).
    for (let i = 0; i < 5; i++) {
      await this.#strip.measured();
      await this.updateComplete;
    }
  }

  // ── Pinning ─────────────────────────────────────────────────────────────────────────────────────────────────

  readonly #onPinRequest = (event: HashdropPinRequestEvent): void => {
    // The page hears the event after us: decide once dispatch is over, so it can still cancel.
    queueMicrotask(() => {
      if (event.defaultPrevented) return;
      if (event.pin) this.pin(event.identity, event.source);
      else if (this.pinnedKey === keyOf(event.identity, event.source)) this.unpin();
    });
  };

  // ── Rendering ───────────────────────────────────────────────────────────────────────────────────────────────

  #tile(item: StageItem, session: RoomSessionApi | null, spotlight = false): TemplateResult {
    return html`<hashdrop-participant-tile
      lang=${this.language}
      .participant=${item.participant}
      .session=${session}
      .actions=${actionsFor(this.snapshot, item.participant)}
      source=${item.source}
      ?pinned=${item.key === this.pinnedKey}
      ?static=${spotlight}
    ></hashdrop-participant-tile>`;
  }

  #spotlight(item: StageItem, session: RoomSessionApi | null): TemplateResult {
    const zoom = this.#zoom;
    const percent = Math.round(zoom.zoom * 100);
    const name =
      item.source === 'screen_share'
        ? this.t('tile.screen-share', { name: item.participant.name })
        : item.participant.name;
    return html`<div
      part="spotlight"
      role="group"
      tabindex="0"
      aria-label=${this.t('stage.spotlight', { name })}
      aria-describedby="zoom-hint"
      @wheel=${zoom.onWheel}
      @pointerdown=${zoom.onPointerDown}
      @pointermove=${zoom.onPointerMove}
      @pointerup=${zoom.onPointerUp}
      @pointercancel=${zoom.onPointerUp}
      @dblclick=${zoom.onDoubleClick}
      @keydown=${zoom.onKeyDown}
    >
      <div
        part="spotlight-content"
        data-key=${item.key}
        style="transform: translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.zoom})"
      >
        ${this.#tile(item, session, true)}
      </div>
      ${
        this.pinnedKey === item.key
          ? html`<button part="unpin" type="button" @click=${() => this.unpin()}>
              ${this.t('tile.pinned')} ✕<span class="visually-hidden">, ${this.t('stage.unpinned')}</span>
            </button>`
          : nothing
      }
      <div part="zoom-controls">
        <button
          part="zoom-out"
          type="button"
          aria-label=${this.t('stage.zoom-out')}
          ?disabled=${zoom.zoom <= MIN_ZOOM}
          @click=${() => zoom.set(zoom.zoom - ZOOM_STEP)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <span part="zoom-level" aria-hidden="true">${percent}%</span>
        <button
          part="zoom-in"
          type="button"
          aria-label=${this.t('stage.zoom-in')}
          ?disabled=${zoom.zoom >= MAX_ZOOM}
          @click=${() => zoom.set(zoom.zoom + ZOOM_STEP)}
        >
          <span aria-hidden="true">+</span>
        </button>
        ${
          zoom.zoom > 1
            ? html`<button
                part="zoom-reset"
                type="button"
                aria-label=${this.t('stage.zoom-reset')}
                @click=${() => zoom.reset()}
              >
                <span aria-hidden="true">⟲</span>
              </button>`
            : nothing
        }
      </div>
      <span id="zoom-hint" class="visually-hidden">${this.t('stage.zoom-hint')}</span>
    </div>`;
  }

  #stripView(items: StageItem[], session: RoomSessionApi | null): TemplateResult {
    if (items.length === 0) return html`<p class="alone muted">${this.t('tiles.alone')}</p>`;
    const { start, end } = this.#strip;
    const atEnd = end >= items.length - 1;
    return html`<div part="strip">
      <button
        part="page-button previous"
        type="button"
        aria-label=${this.t('stage.previous')}
        ?disabled=${start <= 0}
        @click=${() => this.#strip.page(-1, this.direction === 'rtl')}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <ul part="strip-list" aria-label=${this.t('stage.strip')} @scroll=${() => this.#strip.measure()}>
        ${repeat(
          items,
          (item) => item.key,
          (item, index) =>
            html`<li data-key=${item.key}>${index >= start && index <= end ? this.#tile(item, session) : nothing}</li>`,
        )}
      </ul>
      <button
        part="page-button next"
        type="button"
        aria-label=${this.t('stage.next')}
        ?disabled=${atEnd}
        @click=${() => this.#strip.page(1, this.direction === 'rtl')}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>`;
  }

  #grid(items: StageItem[], session: RoomSessionApi | null): TemplateResult {
    const { perPage, cols, pages, page } = gridLayout(this.width || 800, items.length, this.gridPage);
    const shown = items.slice(page * perPage, (page + 1) * perPage);
    return html`<ul part="grid" aria-label=${this.t('stage.grid')} style="--_cols: ${cols}">
        ${repeat(
          shown,
          (item) => item.key,
          (item) => html`<li data-key=${item.key}>${this.#tile(item, session)}</li>`,
        )}
      </ul>
      ${
        pages > 1
          ? html`<div part="grid-pager">
              <button
                part="page-button previous"
                type="button"
                aria-label=${this.t('stage.previous')}
                ?disabled=${page === 0}
                @click=${() => (this.gridPage = page - 1)}
              >
                <span aria-hidden="true">‹</span>
              </button>
              <span>${this.t('stage.page', { page: page + 1, pages })}</span>
              <button
                part="page-button next"
                type="button"
                aria-label=${this.t('stage.next')}
                ?disabled=${page >= pages - 1}
                @click=${() => (this.gridPage = page + 1)}
              >
                <span aria-hidden="true">›</span>
              </button>
            </div>`
          : nothing
      }`;
  }

  /** Stage mode: how many are in the audience, and (on request) who, with their raised hands. */
  #audience(snapshot: RoomSnapshot): TemplateResult | typeof nothing {
    if (!snapshot.room?.policy.stageMode) return nothing;
    const audience = snapshot.participants.filter((p) => p.role === 'audience');
    const count = audience.length;
    return html`<div part="audience">
      <button
        part="audience-toggle"
        type="button"
        aria-expanded=${this.audienceOpen ? 'true' : 'false'}
        aria-controls="audience-list"
        ?disabled=${count === 0}
        @click=${() => (this.audienceOpen = !this.audienceOpen)}
      >
        ${this.t('stage.audience', { count })}
      </button>
      <ul part="audience-list" id="audience-list" ?hidden=${!this.audienceOpen || count === 0}>
        ${audience.map(
          (p) =>
            html`<li data-identity=${p.identity}>
              ${p.isLocal ? this.t('tiles.you', { name: p.name }) : p.name}${
                p.handRaisedAt
                  ? html` <span aria-hidden="true">✋</span
                      ><span class="visually-hidden">${this.t('tile.hand-raised')}</span>`
                  : nothing
              }
            </li>`,
        )}
      </ul>
    </div>`;
  }

  #items: StageItem[] = [];
  #spotlightItem: StageItem | null = null;

  /** Works out the places and the spotlight before rendering (state set here does not cost another update). */
  #arrange(): void {
    const snapshot = this.snapshot;
    const items = stageItems(stageParticipants(snapshot, !this.hideSelf));
    if (this.pinnedKey && !items.some((item) => item.key === this.pinnedKey)) this.pinnedKey = null;
    this.#items = items;
    const spotlight =
      this.layout === 'grid' ? null : chooseSpotlight(items, this.pinnedKey, snapshot.activeSpeaker, this.#lastSpeaker);
    if ((spotlight?.key ?? null) !== this.#spotlightKey) {
      // Zoom belongs to what was zoomed.
      this.#spotlightKey = spotlight?.key ?? null;
      this.#zoom.clear();
    }
    this.#spotlightItem = spotlight;
    this.setState('screen-share', spotlight?.source === 'screen_share');
  }

  override render(): TemplateResult {
    const snapshot = this.snapshot;
    const session = this.activeSession;
    const items = this.#items;
    const spotlight = this.#spotlightItem;
    let body: TemplateResult;
    if (this.layout === 'grid') {
      const pinned = items.find((item) => item.key === this.pinnedKey);
      body = this.#grid(pinned ? [pinned, ...items.filter((item) => item !== pinned)] : items, session);
    } else {
      body = spotlight
        ? html`${this.#spotlight(spotlight, session)}${this.#stripView(
            items.filter((item) => item !== spotlight),
            session,
          )}`
        : html`<p class="alone muted">${this.t('stage.empty')}</p>`;
    }
    return html`<section aria-label=${this.t('stage.label')} @hashdrop-pin-request=${this.#onPinRequest}>
        ${body}
      </section>
      ${this.#audience(snapshot)} ${remoteAudio(snapshot.participants, session)} ${this.#announcer.region()}`;
  }
}
