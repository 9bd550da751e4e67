import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement, HashdropElement } from '../shared/hashdrop-element.js';
import { tokenStyles } from '../shared/tokens.styles.js';
import { indicatorStyles } from './recording.styles.js';

/**
 * @tagname hashdrop-recording-indicator
 * @summary "Recording" with a red dot while the call is being recorded — or "Live" while it is streamed; shown in
 * pre-join and in the call. Its live region is always in the page, so turning `active` on is announced by screen
 * readers.
 *
 * @attr active - The call is being recorded (the session snapshot's `recording.active`), or streamed (`stream.active`).
 * @attr kind - `recording` (default) or `stream` (a live stream): which of the two the badge says.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart badge - The badge (rendered only while active).
 * @csspart dot - The dot.
 *
 * @cssprop [--hashdrop-recording-color=var(--hashdrop-color-danger)] - The dot's and the border's color.
 *
 * @cssstate active - A recording (or stream) is running (the indicator shows).
 */
export class HashdropRecordingIndicator extends HashdropElement {
  static override styles = [tokenStyles, indicatorStyles];

  @property({ type: Boolean, reflect: true }) active = false;
  @property({ reflect: true }) kind: 'recording' | 'stream' = 'recording';

  /**
   * False for a moment after the first render, so the live region is in the page, empty, before the badge fills it:
   * a region that arrives with its content already inside is not announced.
   */
  @state() private ready = false;

  protected override firstUpdated(): void {
    setTimeout(() => (this.ready = true), 50);
  }

  get #prefix(): 'recording' | 'stream' {
    return this.kind === 'stream' ? 'stream' : 'recording';
  }

  protected override updated(): void {
    this.setState('active', this.active);
  }

  override render(): TemplateResult {
    return html`<span role="status" aria-live="polite"
      >${
        this.active && this.ready
          ? html`<span part="badge" title=${this.t(`${this.#prefix}.badge.label`)}
              ><span part="dot" aria-hidden="true"></span>${this.t(`${this.#prefix}.badge`)}<span
                class="visually-hidden"
                >: ${this.t(`${this.#prefix}.badge.label`)}</span
              ></span
            >`
          : ''
      }</span
    >`;
  }
}

/** Defines the tag (once). Pre-join and the call screen load it with the call's extras (call-extras-loader.ts). */
export function defineIndicator(): void {
  defineElement('hashdrop-recording-indicator', HashdropRecordingIndicator);
}
