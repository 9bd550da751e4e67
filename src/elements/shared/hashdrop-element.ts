import { LitElement } from 'lit';
import { loadMessages, onMessagesChange, resolveDirection, resolveLang, t, type MessageKey } from '../../i18n/index.js';

type LangListener = () => void;
const langListeners = new Set<LangListener>();
let pageLangObserver: MutationObserver | null = null;

/** One observer of `<html lang>` for every connected element (created on first use, never at module load). */
function watchPageLang(listener: LangListener): () => void {
  langListeners.add(listener);
  if (!pageLangObserver && typeof MutationObserver !== 'undefined' && typeof document !== 'undefined') {
    pageLangObserver = new MutationObserver(() => langListeners.forEach((l) => l()));
    pageLangObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
  }
  return () => {
    langListeners.delete(listener);
    if (langListeners.size === 0 && pageLangObserver) {
      pageLangObserver.disconnect();
      pageLangObserver = null;
    }
  };
}

/**
 * The base of every HashDrop element: translated strings (`this.t`), language resolution (own `lang`, nearest
 * ancestor's, the page's, English), re-rendering when any of those change, and custom states through ElementInternals.
 *
 * Before every render it asks for the shipped catalog of the language it speaks (German, Spanish and French are chunks
 * loaded on first use; the element shows English until they arrive and re-renders then), and sets `:state(rtl)` when
 * it lays out right to left — a `dir="rtl"` above it or a right-to-left `lang` — which `tokenStyles` turn into
 * `direction: rtl` on the host, so an Arabic element on an English page is mirrored too.
 *
 * @attr lang - Language of the texts: this, else the nearest ancestor's `lang`, else the page's, else English. `de`,
 * `es` and `fr` ship (loaded on first use); any other language takes a page's `registerMessages(lang, strings)`.
 * @attr {'rtl' | 'ltr'} dir - `rtl` or `ltr`; without it the nearest `dir` or `lang` above decides (Arabic, Hebrew,
 * Persian, Urdu… lay out right to left).
 * @attr {'light' | 'dark' | 'auto'} theme - `light`, `dark` or `auto` (follows the OS); without it the page's
 * `color-scheme` applies.
 * @cssprop [--hashdrop-font-family=inherit] - The font; without it, the page's.
 * @cssprop [--hashdrop-font-size=1rem] - The base text size.
 * @cssprop [--hashdrop-color-surface=light-dark(#ffffff, #17181c)] - Background of cards and panels.
 * @cssprop [--hashdrop-color-surface-raised=light-dark(#f4f5f7, #23252b)] - Buttons, notices, raised areas.
 * @cssprop [--hashdrop-color-text=light-dark(#16181d, #eceef2)] - Text.
 * @cssprop [--hashdrop-color-text-muted=light-dark(#5b606b, #a3a8b3)] - Secondary text and hints.
 * @cssprop [--hashdrop-color-border=light-dark(#d4d7dd, #3a3d45)] - Borders of fields, buttons and cards.
 * @cssprop [--hashdrop-color-accent=light-dark(#2f5bea, #7d9bff)] - Primary buttons, links, focus.
 * @cssprop [--hashdrop-color-accent-contrast=light-dark(#ffffff, #0b1230)] - Text on the accent color.
 * @cssprop [--hashdrop-color-danger=light-dark(#c62828, #ff8a80)] - Leave, deny, errors, things switched off.
 * @cssprop [--hashdrop-color-on-danger=light-dark(#ffffff, #2b0000)] - Text on the danger color.
 * @cssprop [--hashdrop-color-success=light-dark(#1b7f3b, #7ee2a0)] - Speaking, good states.
 * @cssprop [--hashdrop-color-focus=var(--hashdrop-color-accent)] - Focus rings.
 * @cssprop [--hashdrop-color-video=#0d0e11] - Behind video and avatars.
 * @cssprop [--hashdrop-color-overlay=rgba(0, 0, 0, 0.7)] - Labels and controls over video (not themed: video is dark).
 * @cssprop [--hashdrop-color-on-video=#ffffff] - Text and icons over video.
 * @cssprop [--hashdrop-color-on-video-success=#7ee2a0] - A good connection over video.
 * @cssprop [--hashdrop-color-on-video-warning=#ffb74d] - A poor connection over video.
 * @cssprop [--hashdrop-color-on-video-danger=#ff8a80] - A muted microphone or lost connection over video.
 * @cssprop [--hashdrop-color-attention=#8a5a00] - The raised-hand badge.
 * @cssprop [--hashdrop-color-backdrop=rgba(0, 0, 0, 0.5)] - Behind a confirmation dialog.
 * @cssprop [--hashdrop-shadow=0 6px 24px rgba(0, 0, 0, 0.25)] - Menus' shadow.
 * @cssprop [--hashdrop-radius=8px] - All three radii at once (small = half, large = double).
 * @cssprop [--hashdrop-radius-s=calc(var(--hashdrop-radius) / 2)] - Small radius (badges, notices).
 * @cssprop [--hashdrop-radius-m=var(--hashdrop-radius)] - Medium radius (buttons, fields, tiles).
 * @cssprop [--hashdrop-radius-l=calc(var(--hashdrop-radius) * 2)] - Large radius (cards, panels).
 * @cssprop [--hashdrop-space-xs=4px] - Extra small space.
 * @cssprop [--hashdrop-space-s=8px] - Small space.
 * @cssprop [--hashdrop-space-m=16px] - Medium space.
 * @cssprop [--hashdrop-space-l=24px] - Large space.
 * @cssstate rtl - The element lays out right to left.
 * @cssstate ltr - The element lays out left to right.
 */
export class HashdropElement extends LitElement {
  protected readonly internals: ElementInternals | null;
  #unwatch: Array<() => void> = [];

  constructor() {
    super();
    // Not every DOM (an SSR shim, an old engine) has ElementInternals; states are an enhancement.
    this.internals = typeof this.attachInternals === 'function' ? this.attachInternals() : null;
    // A controller rather than a willUpdate override: subclasses override willUpdate without calling super.
    this.addController({
      hostUpdate: () => {
        void loadMessages(this.language);
        const direction = this.direction;
        this.setState('rtl', direction === 'rtl');
        this.setState('ltr', direction === 'ltr');
      },
    });
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang', 'dir'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if ((name === 'lang' || name === 'dir') && old !== value) this.requestUpdate();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#unwatch.push(
      watchPageLang(() => this.requestUpdate()),
      onMessagesChange(() => this.requestUpdate()),
    );
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unwatch.forEach((stop) => stop());
    this.#unwatch = [];
  }

  /** The language this element speaks now. */
  get language(): string {
    return resolveLang(this);
  }

  /** The direction this element lays out in now (see `resolveDirection`). */
  get direction(): 'ltr' | 'rtl' {
    return resolveDirection(this);
  }

  protected t(key: MessageKey, params?: Record<string, string | number>): string {
    return t(this.language, key, params);
  }

  /**
   * Dispatches one of the element's events (see `events.ts`); returns false when a cancelable event was canceled.
   * Elements declare their events with `@fires` (event name, class, meaning). Dispatching through here rather than
   * `this.dispatchEvent(new …Event(x))` also keeps the manifest analyzer from taking the constructor's first argument
   * for an event name (it listed a `what` event for the invite and a nameless one for the room).
   */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /** Turns a custom state (`:state(name)`) on or off. */
  protected setState(name: string, on: boolean): void {
    const states = this.internals?.states;
    if (!states) return;
    try {
      if (on) states.add(name);
      else states.delete(name);
    } catch {
      // Engines that only accept the legacy `--name` form.
      try {
        if (on) states.add(`--${name}`);
        else states.delete(`--${name}`);
      } catch {
        /* no custom states here */
      }
    }
  }

  /** Whether a custom state is on (for tests and the host page). */
  hasState(name: string): boolean {
    const states = this.internals?.states;
    return !!states && (states.has(name) || states.has(`--${name}`));
  }
}

/**
 * Registers a tag unless it is taken already (another entry, another copy of the bundle), and does nothing without a
 * custom element registry (server rendering). Every defining path goes through here: the per-element `define`
 * modules, the package entry and the room's call view.
 *
 * The entry and the call view call it themselves instead of relying only on `import './…/define.js'`: a bundler that
 * believes a module has no side effects (package.json `sideEffects`) drops a side-effect-only import, and with it the
 * definition; a call in code that is used cannot be dropped.
 */
export function defineElement(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements !== 'undefined' && !customElements.get(tag)) customElements.define(tag, constructor);
}
