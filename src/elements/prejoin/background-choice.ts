import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { rememberedBackground } from '../../core/background-choice.js';
import { canProcessBackground } from '../../core/background-support.js';
import type { RoomSessionApi } from '../../core/session-api.js';
import type { BackgroundChoice, RoomSnapshot } from '../../core/snapshot.js';
import { defineElement } from '../shared/hashdrop-element.js';
import { SessionElement } from '../shared/session-element.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';

/** Sessions whose remembered choice was restored: once each, so choosing None afterwards sticks. */
const restored = new WeakSet<RoomSessionApi>();

/** The images offered, shipped beside the processing code (src/core/background/images): names, not URLs. */
export const BACKGROUND_IMAGES = ['dusk.svg', 'meadow.svg'] as const;

/**
 * The pre-join screen's "Background" choice for the camera: none, blur, or one of our images (`session.setBackground`;
 * the session remembers it for the next visit, and this element restores it on that visit: the session's up-front
 * code does not read it). Where the browser cannot process video it is disabled, and says why.
 * Rendered by the pre-join screen next to the camera picker; defined with the call's elements (it is lazy: the
 * pre-join's up-front bytes do not carry it).
 *
 * @tagname hashdrop-background-choice
 * @csspart select - The `<select>`.
 * @csspart reason - Why it is disabled, where the browser cannot do it.
 */
export class HashdropBackgroundChoice extends SessionElement {
  static override styles = [
    tokenStyles,
    controlStyles,
    css`
      /* A field of the pre-join's devices row (beside the camera and microphone pickers). */
      :host {
        display: block;
        flex: 1 1 12rem;
      }
    `,
  ];

  /** Whether this browser can process the camera (detected; stories set it to show the unsupported state). */
  @property({ type: Boolean }) supported = canProcessBackground();

  protected override snapshotChanged(snapshot: RoomSnapshot): void {
    const session = this.activeSession;
    if (!session || !this.supported || restored.has(session)) return;
    restored.add(session);
    const remembered = rememberedBackground();
    if (snapshot.background === 'none' && remembered !== 'none') void session.setBackground(remembered);
  }

  override render(): TemplateResult {
    const choice = this.snapshot.background;
    const value = typeof choice === 'object' ? choice.image : choice;
    const option = (key: string, label: string) =>
      html`<option value=${key} ?selected=${key === value}>${label}</option>`;
    return html`<label for="background">${this.t('background.label')}</label>
      <select
        id="background"
        part="select"
        ?disabled=${!this.supported}
        aria-describedby=${this.supported ? nothing : 'reason'}
        @change=${this.#change}
      >
        ${option('none', this.t('background.none'))} ${option('blur', this.t('background.blur'))}
        ${option(BACKGROUND_IMAGES[0], this.t('background.dusk'))}
        ${option(BACKGROUND_IMAGES[1], this.t('background.meadow'))}
      </select>
      ${this.supported ? nothing : html`<span id="reason" class="hint" part="reason">${this.t('background.unsupported')}</span>`}`;
  }

  #change = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    const choice: BackgroundChoice = value === 'none' || value === 'blur' ? value : { image: value };
    void this.activeSession?.setBackground(choice);
  };
}

export function defineBackgroundChoice(): void {
  defineElement('hashdrop-background-choice', HashdropBackgroundChoice);
}

declare global {
  interface HTMLElementTagNameMap {
    'hashdrop-background-choice': HashdropBackgroundChoice;
  }
}
