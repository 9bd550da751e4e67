import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FrameTask } from '../shared/frame-task.js';

export interface LabelFitOptions {
  /** The row of buttons whose labels may not fit. */
  row(): HTMLElement | null;
  /** The row's available width now (a ResizeController's reading), undefined before the first. */
  width(): number | undefined;
  /** Shows icons only (true) or labels (false): a CSS state, so switching needs no second render. */
  iconsOnly(on: boolean): void;
}

/**
 * Labels while they fit, icons only when they do not. How long the labels are depends on the language and on the
 * controls the viewer has (a host's bar has more), so a fixed breakpoint was wrong somewhere; this measures at the
 * frame after each render and resize instead (before that frame is painted, so a switch never shows). Widening past
 * the width that last overflowed tries the labels again.
 */
export class LabelFitController implements ReactiveController {
  /** The width at which the labels last did not fit: at that width or less, icons only. */
  #overflowedAt = 0;
  readonly #atFrame = new FrameTask(() => this.#fit());

  constructor(
    host: ReactiveControllerHost,
    private readonly options: LabelFitOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.#atFrame.schedule(this.options.row());
  }

  hostDisconnected(): void {
    this.#atFrame.cancel();
  }

  #fit(): void {
    const row = this.options.row();
    const width = this.options.width() ?? row?.clientWidth ?? 0;
    if (!row || width === 0) return;
    if (width <= this.#overflowedAt) return this.options.iconsOnly(true);
    this.options.iconsOnly(false);
    // The buttons do not shrink (see the styles), so labels that do not fit make the row overflow.
    if (row.scrollWidth > row.clientWidth + 1) {
      this.#overflowedAt = width;
      this.options.iconsOnly(true);
    }
  }
}
