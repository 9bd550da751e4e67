import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { clamp, clampPan } from './stage-layout.js';

export const MIN_ZOOM = 1;
export const MAX_ZOOM = 4;
export const ZOOM_STEP = 0.5;
const PAN_STEP = 40;

export interface ZoomPanOptions {
  /** The viewport that zooms (its size bounds the pan). */
  viewport(): HTMLElement | null;
  /** The layout direction: arrow keys pan the other way right to left. */
  direction(): 'ltr' | 'rtl';
  /** The zoom changed to `zoom` by the user (say it, when `announce`). */
  zoomed(zoom: number, announce: boolean): void;
  /** Enter on the viewport. */
  enter(): void;
}

/**
 * The spotlight's zoom and pan, as a reactive controller: the level (1–4) and offset, and the gestures that change
 * them — the wheel (with Ctrl/⌘, a trackpad pinch, or any wheel while zoomed), a double-click, a two-finger pinch, a
 * drag while zoomed, and the keys `+ = − 0` and the arrows. It is view state only: the stage renders
 * `transform: translate(x, y) scale(zoom)` from it and binds its handlers on the viewport. A controller rather than
 * methods of the stage because it holds its own pointer bookkeeping and is the stage's one job that is not layout.
 */
export class ZoomPanController implements ReactiveController {
  zoom = 1;
  x = 0;
  y = 0;

  readonly #host: ReactiveControllerHost;
  readonly #options: ZoomPanOptions;
  #pointers = new Map<number, { x: number; y: number }>();
  #gesture: { distance: number; zoom: number; x: number; y: number; panX: number; panY: number } | null = null;

  constructor(host: ReactiveControllerHost, options: ZoomPanOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#pointers.clear();
    this.#gesture = null;
  }

  /** Sets the zoom (clamped to 1–4); says so unless `announce` is false. */
  set(level: number, announce = true): void {
    const next = Math.round(clamp(level, MIN_ZOOM, MAX_ZOOM) * 100) / 100;
    if (next === this.zoom) return;
    this.zoom = next;
    this.clampPan();
    this.#host.requestUpdate();
    this.#options.zoomed(next, announce);
  }

  /** Back to 100%, centred. */
  reset(): void {
    this.x = 0;
    this.y = 0;
    this.#host.requestUpdate();
    this.set(1);
  }

  /** Forgets zoom and pan silently (what was zoomed left the spotlight). */
  clear(): void {
    this.zoom = 1;
    this.x = 0;
    this.y = 0;
  }

  /** Keeps the offset inside what the zoomed viewport can show (after a zoom or a resize). */
  clampPan(): void {
    const viewport = this.#options.viewport();
    const x = clampPan(this.x, this.zoom, viewport?.clientWidth ?? 0);
    const y = clampPan(this.y, this.zoom, viewport?.clientHeight ?? 0);
    if (x === this.x && y === this.y) return;
    this.x = x;
    this.y = y;
    this.#host.requestUpdate();
  }

  #panTo(x: number, y: number): void {
    this.x = x;
    this.y = y;
    this.#host.requestUpdate();
    this.clampPan();
  }

  readonly onWheel = {
    handleEvent: (event: WheelEvent): void => {
      // Plain wheel scrolls the page; Ctrl/⌘ + wheel (and trackpad pinch, which arrives as ctrl+wheel) zooms — and so
      // does a wheel while zoomed, so zooming back out never scrolls the page instead.
      if (!event.ctrlKey && !event.metaKey && this.zoom === 1 && event.deltaY > 0) return;
      event.preventDefault();
      this.set(this.zoom * Math.exp(-event.deltaY * 0.002));
    },
    passive: false,
  };

  readonly onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0 && event.pointerType === 'mouse') return;
    if ((event.target as Element).closest?.('button')) return;
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    this.#startGesture();
  };

  #startGesture(): void {
    const [a, b] = [...this.#pointers.values()];
    if (!a) {
      this.#gesture = null;
      return;
    }
    const distance = b ? Math.hypot(a.x - b.x, a.y - b.y) : 0;
    this.#gesture = { distance, zoom: this.zoom, x: a.x, y: a.y, panX: this.x, panY: this.y };
  }

  readonly onPointerMove = (event: PointerEvent): void => {
    if (!this.#pointers.has(event.pointerId) || !this.#gesture) return;
    this.#pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    const [a, b] = [...this.#pointers.values()];
    const gesture = this.#gesture;
    if (a && b && gesture.distance > 0) {
      this.set((gesture.zoom * Math.hypot(a.x - b.x, a.y - b.y)) / gesture.distance, false);
    } else if (a && this.zoom > 1) {
      this.#panTo(gesture.panX + (a.x - gesture.x), gesture.panY + (a.y - gesture.y));
    }
  };

  readonly onPointerUp = (event: PointerEvent): void => {
    if (!this.#pointers.delete(event.pointerId)) return;
    const pinched = this.#gesture && this.#gesture.distance > 0;
    this.#startGesture();
    if (pinched) this.#options.zoomed(this.zoom, true);
  };

  readonly onDoubleClick = (event: MouseEvent): void => {
    if ((event.target as Element).closest?.('button')) return;
    if (this.zoom > 1) this.reset();
    else this.set(2);
  };

  readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget) return;
    const rtl = this.#options.direction() === 'rtl' ? -1 : 1;
    const keys: Record<string, () => void> = {
      '+': () => this.set(this.zoom + ZOOM_STEP),
      '=': () => this.set(this.zoom + ZOOM_STEP),
      '-': () => this.set(this.zoom - ZOOM_STEP),
      '0': () => this.reset(),
      ArrowLeft: () => this.#panTo(this.x + PAN_STEP * rtl, this.y),
      ArrowRight: () => this.#panTo(this.x - PAN_STEP * rtl, this.y),
      ArrowUp: () => this.#panTo(this.x, this.y + PAN_STEP),
      ArrowDown: () => this.#panTo(this.x, this.y - PAN_STEP),
      Enter: () => this.#options.enter(),
    };
    const action = keys[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key.startsWith('Arrow') && this.zoom === 1) return;
    event.preventDefault();
    action();
  };
}
