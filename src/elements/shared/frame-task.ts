/**
 * Work that reads layout (sizes, overflow), run at the next frame of an element's window, once however often it is
 * asked for before then. Reading sizes inside an update forces a layout of all the update changed (the whole call
 * screen when it is first shown) ahead of the rest of the work in hand, and the frame then lays out again whatever
 * came after; at the frame, the layout read is the frame's own. The element's own window, since an element can move
 * to a popped-out one.
 */
export class FrameTask {
  #frame: { id: number; view: Window; done: Promise<void>; settle: () => void } | null = null;

  constructor(private readonly run: () => void) {}

  /** Runs the work at `element`'s next frame (at once when it is in no window). */
  schedule(element: Element | null): void {
    if (this.#frame) return;
    const view = element?.ownerDocument.defaultView;
    if (!view) return this.run();
    let settle = () => {};
    const done = new Promise<void>((resolve) => (settle = resolve));
    const id = view.requestAnimationFrame(() => {
      this.#frame = null;
      this.run();
      settle();
    });
    this.#frame = { id, view, done, settle };
  }

  /** Drops the work waiting for its frame (the element left the page). */
  cancel(): void {
    const frame = this.#frame;
    this.#frame = null;
    frame?.view.cancelAnimationFrame(frame.id);
    frame?.settle();
  }

  /** Settles once no work waits for its frame. */
  async done(): Promise<void> {
    while (this.#frame) await this.#frame.done;
  }
}
