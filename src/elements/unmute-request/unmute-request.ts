import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AnnouncerController } from '../shared/announcer.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { SessionElement } from '../shared/session-element.js';
import { unmuteRequestStyles } from './unmute-request.styles.js';

/**
 * @tagname hashdrop-unmute-request
 * @summary A host's request to turn the microphone on, with Unmute and Not now. Nothing turns the microphone on until
 * the person chooses Unmute (the endpoint only passes the request on); the request is read out to screen readers at
 * once, without taking focus from what the person is doing. Hidden while there is no request.
 *
 * @attr for - The id of a `<hashdrop-room>` whose call to show, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @csspart base - The request.
 * @csspart text - What it asks.
 * @csspart accept - The Unmute button.
 * @csspart decline - The Not now button.
 */
export class HashdropUnmuteRequest extends SessionElement {
  static override styles = [tokenStyles, controlStyles, unmuteRequestStyles];

  readonly #announcer = new AnnouncerController(this, 'assertive');
  /** Whether the request was on screen at the last update (it is announced once, when it appears). */
  #shown = false;

  // Before rendering, so the announcement goes out in the same update (the region itself is always rendered).
  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const asked = this.snapshot.unmuteRequested;
    this.toggleAttribute('hidden', !asked);
    if (asked && !this.#shown) this.#announcer.announce(this.t('unmute.request'));
    this.#shown = asked;
  }

  #answer(accept: boolean): void {
    void this.activeSession?.answerUnmuteRequest(accept);
  }

  override render(): TemplateResult {
    const asked = this.snapshot.unmuteRequested;
    return html`${
      asked
        ? html`<div part="base" role="group" aria-labelledby="text">
            <p part="text" id="text">${this.t('unmute.request')}</p>
            <button part="accept" class="primary" type="button" @click=${() => this.#answer(true)}>
              ${this.t('unmute.accept')}
            </button>
            <button part="decline" type="button" @click=${() => this.#answer(false)}>
              ${this.t('unmute.decline')}
            </button>
          </div>`
        : nothing
    }${this.#announcer.region()}`;
  }
}
