import { nothing } from 'lit';
import { AsyncDirective, directive, type ElementPart, type PartInfo, PartType } from 'lit/async-directive.js';

/** Attaches something to a media element and returns how to detach it (`session.attach(sid, el)`, a preview). */
export type Attach = (element: HTMLMediaElement) => () => void;

/**
 * Binds a media element to a track for as long as both are on screen: `<video ${attachMedia([session, sid], (el) =>
 * session.attach(sid, el))}>`. It attaches when the element first renders, detaches and attaches again when any value
 * of `key` changes (another track, another session), detaches when `attach` is null, when the element leaves the
 * template, and when its host leaves the document — and attaches again when the host comes back (moving an element in
 * the DOM must not leave a black tile).
 *
 * A directive rather than each element's own loop over `querySelectorAll('[data-sid]')` after every update (the tile,
 * the stage's audio, the tile list and the pre-join preview each had one): Lit tells a directive when its element
 * is created, reused, removed and reconnected, which is exactly the bookkeeping those loops did by hand.
 */
class AttachMediaDirective extends AsyncDirective {
  #element: HTMLMediaElement | null = null;
  #key: readonly unknown[] = [];
  #attach: Attach | null = null;
  #detach: (() => void) | null = null;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('attachMedia() goes on a media element: <video ${…}>');
  }

  render(_key: readonly unknown[], _attach: Attach | null): typeof nothing {
    return nothing;
  }

  override update(part: ElementPart, [key, attach]: [readonly unknown[], Attach | null]): typeof nothing {
    const element = part.element as HTMLMediaElement;
    const changed =
      element !== this.#element || key.length !== this.#key.length || key.some((value, i) => value !== this.#key[i]);
    if (changed || !attach) this.#stop();
    this.#element = element;
    this.#key = key;
    this.#attach = attach;
    if (this.isConnected) this.#start();
    return nothing;
  }

  #start(): void {
    if (!this.#detach && this.#attach && this.#element) this.#detach = this.#attach(this.#element);
  }

  #stop(): void {
    const detach = this.#detach;
    this.#detach = null;
    detach?.();
  }

  protected override disconnected(): void {
    this.#stop();
  }

  protected override reconnected(): void {
    this.#start();
  }
}

export const attachMedia = directive(AttachMediaDirective);
