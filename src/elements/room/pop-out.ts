/**
 * Pops the call out of the page and brings it back. Where the browser has Document Picture-in-Picture, the call view
 * itself moves into the floating window — the same nodes, so the session, the Lit elements and the attached media go
 * on without a reconnect — and the room shows a placeholder with a Bring back button in its place. Closing the window
 * (its own close button, or `pagehide` for any reason) puts the call view back where the placeholder is. Elsewhere the
 * spotlight's video goes into video picture-in-picture.
 *
 * How our elements live in the other document (styles, custom elements): see pop-out-styles.ts; how their events still
 * reach the page: forward-events.ts. It comes with the call's extras (call-extras.ts), which the call view loads when
 * the pointer or focus comes to Pop out (or to the More menu holding it), ahead of the click; a click that comes first
 * waits for them, well within the click's user activation (seconds), which the window's request needs.
 */
import { html, render, type ReactiveController, type ReactiveElement } from 'lit';
import type { RoomSessionApi } from '../../core/session-api.js';
import { isConnected } from '../../core/transitions.js';
import type { MessageKey } from '../../i18n/index.js';
import { HashdropPopInEvent, HashdropPopOutEvent, type PopOutMode } from './pop-out-events.js';
import { followDocument, moveAcross } from './pop-out-styles.js';
import { forwardCallEvents } from './forward-events.js';

import { popOutSupport } from './pop-out-support.js';

interface DocumentPictureInPicture {
  requestWindow(options?: { width?: number; height?: number }): Promise<Window & typeof globalThis>;
}

/** The Pop out control's part, or the "More" button that holds it in a narrow bar: where focus goes. */
function focusPopOutControl(scope: ParentNode): void {
  const bar = scope.querySelector('hashdrop-control-bar');
  bar?.shadowRoot?.querySelector<HTMLElement>('[part~="pop-out"], [part~="more"]')?.focus();
}

export class PopOutController implements ReactiveController {
  /** How the call is out of the page now, or null while it is in the page. */
  mode: PopOutMode | null = null;

  readonly #host: ReactiveElement;
  readonly #t: (key: MessageKey) => string;
  readonly #session: () => RoomSessionApi | null;
  readonly #beforeMove: () => Promise<unknown>;
  #room: HTMLElement | null = null;
  #window: Window | null = null;
  #placeholder: HTMLElement | null = null;
  #unsubscribe: (() => void) | null = null;

  /**
   * `host`: the call view; `t`: its strings; `session`: the call's session; `beforeMove`: defines every element the
   * view may show, which must be done before it moves into the window's document (see loadCallExtras).
   */
  constructor(
    host: ReactiveElement,
    t: (key: MessageKey) => string,
    session: () => RoomSessionApi | null,
    beforeMove: () => Promise<unknown>,
  ) {
    this.#host = host;
    this.#t = t;
    this.#session = session;
    this.#beforeMove = beforeMove;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Pops the call out (a user's click: the browser asks for one). Resolves once it is out, or failed. */
  async open(): Promise<void> {
    if (this.mode) return;
    const root = this.#host.getRootNode();
    if (!(root instanceof ShadowRoot)) return;
    const room = root.host as HTMLElement;
    const support = popOutSupport();
    if (support === 'window') await this.#openWindow(room);
    else if (support === 'video') await this.#openVideo();
    if (!this.mode) return;
    this.#room = room;
    room.toggleAttribute('popped-out', true);
    room.dispatchEvent(new HashdropPopOutEvent(this.mode));
    // A call that ends (Leave, End for all, removed) while out closes the window.
    this.#unsubscribe = this.#session()?.subscribe((s) => void (!isConnected(s.status) && this.close())) ?? null;
    this.#host.requestUpdate();
  }

  /** Brings the call back into the page (Bring back, the control inside the window, the call's end). */
  close(): void {
    if (this.mode === 'window') this.#window?.close();
    else if (this.mode === 'video' && document.pictureInPictureElement) void document.exitPictureInPicture();
    // Closing fires `pagehide` / `leavepictureinpicture`, which come back through #back(); a window already gone does not.
    this.#back();
  }

  async #openWindow(room: HTMLElement): Promise<void> {
    const picture = (window as unknown as { documentPictureInPicture: DocumentPictureInPicture })
      .documentPictureInPicture;
    const view = this.#host;
    const size = view.getBoundingClientRect();
    // Started within the click, beside the window's opening (which must come first, while the click still counts).
    const defined = this.#beforeMove();
    let pip: Window & typeof globalThis;
    try {
      pip = await picture.requestWindow({
        width: Math.round(Math.min(Math.max(size.width / 2, 420), 640)),
        height: Math.round(Math.min(Math.max(size.height / 2, 480), 720)),
      });
    } catch (error) {
      console.error('hashdrop: no floating window', error);
      return;
    }
    await defined;
    // Closed while the elements loaded: the call stays in the page.
    if (pip.closed) return;
    followDocument();
    const doc = pip.document;
    doc.documentElement.lang = room.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
    doc.title = document.title;
    doc.body.style.cssText = 'margin:0;height:100vh;overflow:auto';
    // A host like the room, so the call view finds the same styles and tokens: the theme, the page's `--hashdrop-*`
    // settings and font (inherited by the room in the page, not in this window).
    const host = doc.createElement('div');
    const theme = room.getAttribute('theme');
    if (theme) host.setAttribute('theme', theme);
    const computed = getComputedStyle(room);
    for (const name of computed) {
      if (name.startsWith('--hashdrop-')) host.style.setProperty(name, computed.getPropertyValue(name));
    }
    host.style.fontFamily = computed.fontFamily;
    host.style.colorScheme = computed.colorScheme;
    host.style.minHeight = '100%';
    const shadow = host.attachShadow({ mode: 'open' });
    const base = doc.createElement('div');
    base.setAttribute('part', 'base');
    base.setAttribute('dir', getComputedStyle(view).direction);
    shadow.append(base);
    doc.body.append(host);
    forwardCallEvents(host, room);

    const placeholder = document.createElement('section');
    this.#renderPlaceholder(placeholder);
    view.before(placeholder);
    moveAcross(view, () => base.append(view));
    this.#placeholder = placeholder;
    this.#window = pip;
    this.mode = 'window';
    pip.addEventListener('pagehide', () => this.#back(), { once: true });
    // Ctrl+D / Ctrl+E in the window reach the control bar's shortcuts, which listen on the page's document.
    doc.addEventListener('keydown', (event) => {
      const copy = new KeyboardEvent('keydown', event);
      document.dispatchEvent(copy);
      if (copy.defaultPrevented) event.preventDefault();
    });
    await view.updateComplete;
    focusPopOutControl(view);
  }

  async #openVideo(): Promise<void> {
    const stage = this.#host.querySelector('hashdrop-stage')?.shadowRoot;
    const tiles = [
      ...(stage?.querySelectorAll('[part="spotlight"] hashdrop-participant-tile') ?? []),
      ...(stage?.querySelectorAll('hashdrop-participant-tile') ?? []),
    ];
    const video = tiles.map((tile) => tile.shadowRoot?.querySelector('video')).find((v) => v && v.readyState > 0);
    if (!video) return;
    try {
      await video.requestPictureInPicture();
    } catch (error) {
      console.error('hashdrop: no picture-in-picture', error);
      return;
    }
    this.mode = 'video';
    video.addEventListener('leavepictureinpicture', () => this.#back(), { once: true });
  }

  #renderPlaceholder(container: HTMLElement): void {
    const t = this.#t;
    container.setAttribute('part', 'pop-out-placeholder');
    container.setAttribute('class', 'pop-out-placeholder');
    render(
      html`<h2 tabindex="-1">${t('pop-out.placeholder')}</h2>
        <p class="muted">${t('pop-out.placeholder.body')}</p>
        <button part="pop-in" class="primary" type="button" @click=${() => this.close()}>
          ${t('pop-out.bring-back')}
        </button>
        <div role="status" aria-live="polite" class="visually-hidden"></div>`,
      container,
    );
    // Said once the region is in the page (a region's first content is often not read).
    setTimeout(() => {
      const status = container.querySelector('[role="status"]');
      if (status) status.textContent = t('pop-out.placeholder');
    }, 100);
  }

  /** The call is back: in the room where the placeholder is (or, with the call over, out of every document). */
  #back(): void {
    const mode = this.mode;
    if (!mode) return;
    this.mode = null;
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    const view = this.#host;
    const placeholder = this.#placeholder;
    this.#placeholder = null;
    this.#window = null;
    if (mode === 'window') {
      // The room took the placeholder away when the call ended: the call view waits out of any document for the next call.
      if (placeholder?.isConnected) moveAcross(view, () => placeholder.replaceWith(view));
      else moveAcross(view, () => document.adoptNode(view));
      placeholder?.remove();
    }
    const room = this.#room;
    this.#room = null;
    room?.removeAttribute('popped-out');
    room?.dispatchEvent(new HashdropPopInEvent(mode));
    view.requestUpdate();
    if (view.isConnected) void view.updateComplete.then(() => focusPopOutControl(view));
  }

  hostDisconnected(): void {}
}
