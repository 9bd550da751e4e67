import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/**
 * A live region for screen readers, written once for every element that tells something without showing it (a pin, a
 * zoom level, a knock, a chat message, a copied link). The element renders `announcer.region()` once, always — a
 * region that arrives with its text already in it is not read — and calls `announce(text)`.
 *
 * New text is set at once. The same text again (a second "Zoom 150%") must still be read, but a region whose text
 * does not change says nothing: the region is emptied and the text set again a moment later. So is news told before
 * the first render (a chat defined once a message has arrived), which would otherwise come inside a new region.
 * `polite` (the default) waits for the reader to finish; `assertive` interrupts (`role="alert"`).
 *
 * Seven elements had their own copy of this, differing in whether a repeat was read at all.
 */
export class AnnouncerController implements ReactiveController {
  /** What the region says now. */
  message = '';

  readonly #host: ReactiveControllerHost;
  readonly #assertive: boolean;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Whether the region is in the page: not until the host's first update has rendered it. */
  #shown = false;

  constructor(host: ReactiveControllerHost, politeness: 'polite' | 'assertive' = 'polite') {
    this.#host = host;
    this.#assertive = politeness === 'assertive';
    host.addController(this);
  }

  hostUpdated(): void {
    this.#shown = true;
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  announce(message: string): void {
    clearTimeout(this.#timer);
    if (message === this.message || !this.#shown) {
      this.#set('');
      this.#timer = setTimeout(() => this.#set(message), 50);
    } else this.#set(message);
  }

  #set(message: string): void {
    this.message = message;
    this.#host.requestUpdate();
  }

  /** The region itself: visually hidden, in the element's shadow root for as long as the element shows. */
  region(): TemplateResult {
    return this.#assertive
      ? html`<div role="alert" class="visually-hidden">${this.message}</div>`
      : html`<div role="status" aria-live="polite" class="visually-hidden">${this.message}</div>`;
  }
}
