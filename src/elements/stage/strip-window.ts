import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FrameTask } from '../shared/frame-task.js';
import { stripWindow } from './stage-layout.js';

/**
 * The strip's window: which of its slots are on screen, so only those render a tile (and only their video is
 * attached and, with adaptive stream, received) — fifty people in a call cost the few tiles one can see. It measures
 * the scrolling list at the frame after every update of its host and on scroll (`measure`), and pages it by one
 * screen (`page`).
 */
export class StripWindowController implements ReactiveController {
  /** The first slot on screen. */
  start = 0;
  /** The last slot on screen (−1: none measured yet). */
  end = -1;

  readonly #host: ReactiveControllerHost;
  readonly #list: () => HTMLElement | null;
  readonly #atFrame = new FrameTask(() => this.measure());

  constructor(host: ReactiveControllerHost, list: () => HTMLElement | null) {
    this.#host = host;
    this.#list = list;
    host.addController(this);
  }

  hostUpdated(): void {
    this.#atFrame.schedule(this.#list());
  }

  hostDisconnected(): void {
    this.#atFrame.cancel();
  }

  /** Settles once no measurement waits for its frame. */
  measured(): Promise<void> {
    return this.#atFrame.done();
  }

  /** Works the window out again from the list's scroll position and slot size. */
  measure(): void {
    const list = this.#list();
    const first = list?.firstElementChild as HTMLElement | null | undefined;
    const gap = first ? parseFloat(getComputedStyle(list!).columnGap) || 0 : 0;
    const count = list?.children.length ?? 0;
    const window = stripWindow(list?.scrollLeft ?? 0, list?.clientWidth ?? 0, (first?.offsetWidth ?? 0) + gap, count);
    if (!window && count > 0) return;
    const [start, end] = window ?? [0, -1];
    if (start === this.start && end === this.end) return;
    [this.start, this.end] = [start, end];
    this.#host.requestUpdate();
  }

  /** Scrolls the strip by one screen, forward (1) or back (−1) in reading order. */
  page(direction: 1 | -1, rtl: boolean): void {
    const list = this.#list();
    if (!list) return;
    const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
    list.scrollBy({ left: direction * (rtl ? -1 : 1) * list.clientWidth, behavior: reduce ? 'auto' : 'smooth' });
  }
}
