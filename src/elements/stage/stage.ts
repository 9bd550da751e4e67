import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import type { ParticipantSnapshot, RoomSnapshot } from '../../core/snapshot.js';
import type { TileSource } from '../participant-tile/participant-tile.js';
import type { HashdropPinRequestEvent } from '../shared/events.js';
import { actionsFor } from '../shared/participant-actions.js';
import { SessionElement } from '../shared/session-element.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { stageStyles } from './stage.styles.js';

/** One video place on the stage: a participant's camera (or avatar) or their shared screen. */
export interface StageItem {
  key: string;
  participant: ParticipantSnapshot;
  source: TileSource;
}

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 4;
const ZOOM_STEP = 0.5;
const PAN_STEP = 40;
const NARROW = 600;

const keyOf = (identity: string, source: TileSource) => `${identity}:${source}`;

/** Every video place of a roster: screen shares first (in roster order), then cameras. */
export function stageItems(participants: readonly ParticipantSnapshot[]): StageItem[] {
  const screens: StageItem[] = [];
  const cameras: StageItem[] = [];
  for (const participant of participants) {
    if (participant.screenShare && !participant.screenShare.muted) {
      screens.push({ key: keyOf(participant.identity, 'screen_share'), participant, source: 'screen_share' });
    }
    cameras.push({ key: keyOf(participant.identity, 'camera'), participant, source: 'camera' });
  }
  return [...screens, ...cameras];
}

/** Who has a place on the stage: in stage mode the audience is a count and a list, not tiles. */
export function stageParticipants(snapshot: RoomSnapshot): ParticipantSnapshot[] {
  if (!snapshot.room?.policy.stageMode) return snapshot.participants;
  return snapshot.participants.filter((p) => p.role !== 'audience');
}

/**
 * What the spotlight shows: the pinned place, else a screen share (a remote one before this browser's own), else the
 * active speaker (the last one while nobody speaks), else the first other participant, else oneself.
 */
export function chooseSpotlight(
  items: readonly StageItem[],
  pinned: string | null,
  activeSpeaker: string | null,
  lastSpeaker: string | null,
): StageItem | null {
  const byKey = (key: string | null) => (key ? items.find((item) => item.key === key) : undefined);
  const screens = items.filter((item) => item.source === 'screen_share');
  const cameras = items.filter((item) => item.source === 'camera');
  return (
    byKey(pinned) ??
    screens.find((item) => !item.participant.isLocal) ??
    screens[0] ??
    cameras.find((item) => item.participant.identity === activeSpeaker && !item.participant.isLocal) ??
    cameras.find((item) => item.participant.identity === lastSpeaker && !item.participant.isLocal) ??
    cameras.find((item) => !item.participant.isLocal) ??
    items[0] ??
    null
  );
}

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value));

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
 * Custom states: `:state(spotlight)` or `:state(grid)`, `:state(pinned)`, `:state(screen-share)` (a screen is in the
 * spotlight), `:state(zoomed)`, `:state(narrow)`.
 */
export class HashdropStage extends SessionElement {
  static override styles = [tokenStyles, controlStyles, stageStyles];

  @property({ reflect: true }) layout: 'spotlight' | 'grid' = 'spotlight';
  @property({ type: Boolean, reflect: true }) narrow = false;

  @state() private pinnedKey: string | null = null;
  @state() private zoomLevel = 1;
  @state() private panX = 0;
  @state() private panY = 0;
  @state() private windowStart = 0;
  @state() private windowEnd = -1;
  @state() private gridPage = 0;
  @state() private announcement = '';
  @state() private width = 0;
  @state() private audienceOpen = false;

  #lastSpeaker: string | null = null;
  #spotlightKey: string | null = null;
  #audio = new Map<string, { element: HTMLMediaElement; session: RoomSessionApi; detach: () => void }>();
  #resizeObserver: ResizeObserver | null = null;
  #resolveMeasured: () => void = () => {};
  /** Settles after the first measurement, which happens on the browser's schedule (ResizeObserver). */
  readonly #measured = new Promise<void>((resolve) => (this.#resolveMeasured = resolve));
  #pointers = new Map<number, { x: number; y: number }>();
  #gesture: {
    distance: number;
    zoom: number;
    x: number;
    y: number;
    panX: number;
    panY: number;
    moved: boolean;
  } | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof ResizeObserver !== 'undefined') {
      // Measured on the next task: changing layout inside the observer's callback would loop it.
      this.#resizeObserver = new ResizeObserver(() => setTimeout(() => this.#measure()));
      this.#resizeObserver.observe(this);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    for (const audio of this.#audio.values()) audio.detach();
    this.#audio.clear();
  }

  /** The key (`identity:source`) of what the spotlight shows now. */
  get spotlightKey(): string | null {
    return this.#spotlightKey;
  }

  /** The spotlight's zoom factor (1 = fit). */
  get zoom(): number {
    return this.zoomLevel;
  }

  /** The pinned place's key, or null. */
  get pinned(): string | null {
    return this.pinnedKey;
  }

  /** Pin a participant's camera or screen to the spotlight (for this viewer). */
  pin(identity: string, source: TileSource = 'camera'): void {
    this.pinnedKey = keyOf(identity, source);
    const item = stageItems(stageParticipants(this.snapshot)).find((i) => i.key === this.pinnedKey);
    if (item) this.announce(this.t('stage.pinned', { name: item.participant.name }));
  }

  unpin(): void {
    if (!this.pinnedKey) return;
    this.pinnedKey = null;
    this.announce(this.t('stage.unpinned'));
  }

  /** Sets the spotlight's zoom (clamped to 1–4) and announces it. */
  setZoom(level: number, announce = true): void {
    const next = Math.round(clamp(level, MIN_ZOOM, MAX_ZOOM) * 100) / 100;
    if (next === this.zoomLevel) return;
    this.zoomLevel = next;
    this.#clampPan();
    if (announce) this.announce(this.t('stage.zoom-level', { percent: Math.round(next * 100) }));
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
    // Same text twice in a row must still be read: clear, then set on the next task.
    this.announcement = '';
    setTimeout(() => {
      this.announcement = message;
    }, 50);
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
    this.setState('zoomed', this.zoomLevel > 1);
    this.setState('narrow', this.narrow);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    this.#syncAudio();
    this.#measureStrip();
  }

  // ── Layout measurement ──────────────────────────────────────────────────────────────────────────────────────

  #measure(): void {
    const width = this.getBoundingClientRect().width;
    if (Math.abs(width - this.width) >= 1) this.width = width;
    const narrow = width > 0 && width < NARROW;
    if (narrow !== this.narrow) this.narrow = narrow;
    this.#clampPan();
    this.#measureStrip();
    this.#resolveMeasured();
  }

  /** Resolves once the stage has measured itself and rendered the strip window for that size (tests, screenshots). */
  async layoutReady(): Promise<void> {
    await this.#measured;
    // Measuring can schedule a render, whose strip measurement can schedule one more; settle them (bounded).
    for (let i = 0; i < 5 && !(await this.updateComplete); i++);
  }

  /** Which strip slots are on screen (by index): only those render a tile. */
  #measureStrip(): void {
    const list = this.renderRoot.querySelector<HTMLElement>('[part="strip-list"]');
    const slots = list?.children;
    if (!list || !slots || slots.length === 0) {
      if (this.windowEnd !== -1) [this.windowStart, this.windowEnd] = [0, -1];
      return;
    }
    const first = slots[0] as HTMLElement;
    const gap = parseFloat(getComputedStyle(list).columnGap) || 0;
    const slot = first.offsetWidth + gap;
    if (slot <= 0) return;
    const scroll = Math.abs(list.scrollLeft);
    const start = clamp(Math.floor(scroll / slot), 0, slots.length - 1);
    const end = clamp(Math.floor((scroll + list.clientWidth - 1) / slot), start, slots.length - 1);
    if (start !== this.windowStart) this.windowStart = start;
    if (end !== this.windowEnd) this.windowEnd = end;
  }

  #page(direction: 1 | -1): void {
    const list = this.renderRoot.querySelector<HTMLElement>('[part="strip-list"]');
    if (!list) return;
    const rtl = this.direction === 'rtl' ? -1 : 1;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    list.scrollBy({ left: direction * rtl * list.clientWidth, behavior: reduce ? 'auto' : 'smooth' });
  }

  // ── Audio ───────────────────────────────────────────────────────────────────────────────────────────────────

  #syncAudio(): void {
    const session = this.activeSession;
    const wanted = new Map<string, HTMLMediaElement>();
    if (session) {
      for (const element of this.renderRoot.querySelectorAll<HTMLMediaElement>('audio[data-sid]')) {
        wanted.set(element.dataset.sid!, element);
      }
    }
    for (const [sid, audio] of this.#audio) {
      if (wanted.get(sid) !== audio.element || audio.session !== session) {
        audio.detach();
        this.#audio.delete(sid);
      }
    }
    if (!session) return;
    for (const [sid, element] of wanted) {
      if (!this.#audio.has(sid)) this.#audio.set(sid, { element, session, detach: session.attach(sid, element) });
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

  // ── Zoom and pan ────────────────────────────────────────────────────────────────────────────────────────────

  #viewportSize(): { width: number; height: number } {
    const viewport = this.renderRoot.querySelector<HTMLElement>('[part="spotlight"]');
    return { width: viewport?.clientWidth ?? 0, height: viewport?.clientHeight ?? 0 };
  }

  #clampPan(): void {
    const { width, height } = this.#viewportSize();
    const maxX = ((this.zoomLevel - 1) * width) / 2;
    const maxY = ((this.zoomLevel - 1) * height) / 2;
    const x = clamp(this.panX, -maxX, maxX);
    const y = clamp(this.panY, -maxY, maxY);
    if (x !== this.panX) this.panX = x;
    if (y !== this.panY) this.panY = y;
  }

  #panBy(dx: number, dy: number): void {
    this.panX += dx;
    this.panY += dy;
    this.#clampPan();
  }

  #resetZoom(): void {
    this.panX = 0;
    this.panY = 0;
    this.setZoom(1);
  }

  readonly #onWheel = {
    handleEvent: (event: WheelEvent) => {
      // Plain wheel scrolls the page; Ctrl/⌘ + wheel (and trackpad pinch, which arrives as ctrl+wheel) zooms — and so
      // does a wheel while zoomed, so zooming back out never scrolls the page instead.
      if (!event.ctrlKey && !event.metaKey && this.zoomLevel === 1 && event.deltaY > 0) return;
      event.preventDefault();
      this.setZoom(this.zoomLevel * Math.exp(-event.deltaY * 0.002));
    },
    passive: false,
  };

  readonly #onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    if ((event.target as Element).closest?.('button')) return;
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    this.#startGesture();
  };

  #startGesture(): void {
    const points = [...this.#pointers.values()];
    const [a, b] = points;
    if (!a) {
      this.#gesture = null;
      return;
    }
    const distance = b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    this.#gesture = { distance, zoom: this.zoomLevel, x: a.x, y: a.y, panX: this.panX, panY: this.panY, moved: false };
  }

  readonly #onPointerMove = (event: PointerEvent): void => {
    if (!this.#pointers.has(event.pointerId) || !this.#gesture) return;
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const [a, b] = [...this.#pointers.values()];
    const gesture = this.#gesture;
    if (a && b && gesture.distance > 0) {
      gesture.moved = true;
      this.setZoom((gesture.zoom * Math.hypot(a.x - b.x, a.y - b.y)) / gesture.distance, false);
    } else if (a && this.zoomLevel > 1) {
      gesture.moved = true;
      this.panX = gesture.panX + (a.x - gesture.x);
      this.panY = gesture.panY + (a.y - gesture.y);
      this.#clampPan();
    }
  };

  readonly #onPointerUp = (event: PointerEvent): void => {
    if (!this.#pointers.delete(event.pointerId)) return;
    const pinched = this.#gesture && this.#gesture.distance > 0;
    this.#startGesture();
    if (pinched) this.announce(this.t('stage.zoom-level', { percent: Math.round(this.zoomLevel * 100) }));
  };

  readonly #onDoubleClick = (event: MouseEvent): void => {
    if ((event.target as Element).closest?.('button')) return;
    if (this.zoomLevel > 1) this.#resetZoom();
    else this.setZoom(2);
  };

  readonly #onSpotlightKey = (event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget) return;
    const rtl = this.direction === 'rtl' ? -1 : 1;
    const keys: Record<string, () => void> = {
      '+': () => this.setZoom(this.zoomLevel + ZOOM_STEP),
      '=': () => this.setZoom(this.zoomLevel + ZOOM_STEP),
      '-': () => this.setZoom(this.zoomLevel - ZOOM_STEP),
      '0': () => this.#resetZoom(),
      ArrowLeft: () => this.#panBy(PAN_STEP * rtl, 0),
      ArrowRight: () => this.#panBy(-PAN_STEP * rtl, 0),
      ArrowUp: () => this.#panBy(0, PAN_STEP),
      ArrowDown: () => this.#panBy(0, -PAN_STEP),
      Enter: () => this.unpin(),
    };
    const action = keys[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.startsWith('Arrow') && this.zoomLevel === 1) return;
    event.preventDefault();
    action();
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
    const percent = Math.round(this.zoomLevel * 100);
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
      @wheel=${this.#onWheel}
      @pointerdown=${this.#onPointerDown}
      @pointermove=${this.#onPointerMove}
      @pointerup=${this.#onPointerUp}
      @pointercancel=${this.#onPointerUp}
      @dblclick=${this.#onDoubleClick}
      @keydown=${this.#onSpotlightKey}
    >
      <div
        part="spotlight-content"
        data-key=${item.key}
        style="transform: translate(${this.panX}px, ${this.panY}px) scale(${this.zoomLevel})"
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
          ?disabled=${this.zoomLevel <= MIN_ZOOM}
          @click=${() => this.setZoom(this.zoomLevel - ZOOM_STEP)}
        >
          <span aria-hidden="true">−</span>
        </button>
        <span part="zoom-level" aria-hidden="true">${percent}%</span>
        <button
          part="zoom-in"
          type="button"
          aria-label=${this.t('stage.zoom-in')}
          ?disabled=${this.zoomLevel >= MAX_ZOOM}
          @click=${() => this.setZoom(this.zoomLevel + ZOOM_STEP)}
        >
          <span aria-hidden="true">+</span>
        </button>
        ${
          this.zoomLevel > 1
            ? html`<button
                part="zoom-reset"
                type="button"
                aria-label=${this.t('stage.zoom-reset')}
                @click=${() => this.#resetZoom()}
              >
                <span aria-hidden="true">⟲</span>
              </button>`
            : nothing
        }
      </div>
      <span id="zoom-hint" class="visually-hidden">${this.t('stage.zoom-hint')}</span>
    </div>`;
  }

  #strip(items: StageItem[], session: RoomSessionApi | null): TemplateResult {
    if (items.length === 0) return html`<p class="alone muted">${this.t('tiles.alone')}</p>`;
    const start = this.windowStart;
    const end = this.windowEnd;
    const atEnd = end >= items.length - 1;
    return html`<div part="strip">
      <button
        part="page-button previous"
        type="button"
        aria-label=${this.t('stage.previous')}
        ?disabled=${start <= 0}
        @click=${() => this.#page(-1)}
      >
        <span aria-hidden="true">‹</span>
      </button>
      <ul part="strip-list" aria-label=${this.t('stage.strip')} @scroll=${() => this.#measureStrip()}>
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
        @click=${() => this.#page(1)}
      >
        <span aria-hidden="true">›</span>
      </button>
    </div>`;
  }

  #grid(items: StageItem[], session: RoomSessionApi | null): TemplateResult {
    const width = this.width || 800;
    const perPage = width < 480 ? 4 : width < 900 ? 9 : 16;
    const cols = Math.min(Math.ceil(Math.sqrt(Math.min(items.length, perPage))), width < 480 ? 2 : 4);
    const pages = Math.max(1, Math.ceil(items.length / perPage));
    const page = clamp(this.gridPage, 0, pages - 1);
    const shown = items.slice(page * perPage, (page + 1) * perPage);
    return html`<ul part="grid" aria-label=${this.t('stage.grid')} style="--_cols: ${Math.max(cols, 1)}">
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
    const items = stageItems(stageParticipants(snapshot));
    if (this.pinnedKey && !items.some((item) => item.key === this.pinnedKey)) this.pinnedKey = null;
    this.#items = items;
    const spotlight =
      this.layout === 'grid' ? null : chooseSpotlight(items, this.pinnedKey, snapshot.activeSpeaker, this.#lastSpeaker);
    if ((spotlight?.key ?? null) !== this.#spotlightKey) {
      // Zoom belongs to what was zoomed.
      this.#spotlightKey = spotlight?.key ?? null;
      this.zoomLevel = 1;
      this.panX = 0;
      this.panY = 0;
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
        ? html`${this.#spotlight(spotlight, session)}${this.#strip(
            items.filter((item) => item !== spotlight),
            session,
          )}`
        : html`<p class="alone muted">${this.t('stage.empty')}</p>`;
    }
    const audio = snapshot.participants.filter((p) => !p.isLocal && p.microphone?.subscribed);
    return html`<section aria-label=${this.t('stage.label')} @hashdrop-pin-request=${this.#onPinRequest}>
        ${body}
      </section>
      ${this.#audience(snapshot)}
      <div class="media">
        ${repeat(
          audio,
          (p) => p.microphone!.sid,
          (p) => html`<audio data-sid=${p.microphone!.sid} autoplay></audio>`,
        )}
      </div>
      <div role="status" class="visually-hidden">${this.announcement}</div>`;
  }
}
