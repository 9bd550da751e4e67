import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface MenuOptions<K extends string> {
  /** The items of the open menu, in order. */
  items(): HTMLElement[];
  /** The button that opens `menu` (focus returns there). */
  button(menu: K): HTMLElement | null;
  /** The item to focus on opening (default: the first). */
  initial?(items: HTMLElement[]): HTMLElement | undefined;
}

/**
 * A keyboard menu behind a button (`aria-haspopup="menu"`), written once for the control bar's device menus and the
 * tile's host menu: which menu is open (one at a time), focus on the first (or chosen) item when it opens, ArrowDown
 * and ArrowUp (wrapping; ArrowRight and ArrowLeft as well), Home and End, Escape closing it with focus back on its button, Tab closing it and moving
 * on. The element renders the menu while `open` names it and binds `onKeyDown` on the menu.
 */
export class MenuController<K extends string> implements ReactiveController {
  /** The open menu, or null. */
  open: K | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #options: MenuOptions<K>;

  constructor(host: ReactiveControllerHost, options: MenuOptions<K>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.open = null;
  }

  /** Opens `menu` (closing another) and focuses its first item, or closes it when it is open. */
  async toggle(menu: K): Promise<void> {
    this.open = this.open === menu ? null : menu;
    this.#host.requestUpdate();
    if (!this.open) return;
    await this.#host.updateComplete;
    const items = this.#options.items();
    (this.#options.initial?.(items) ?? items[0])?.focus();
  }

  /** Closes the open menu; with `focusButton`, focus goes back to the button that opened it. */
  close(focusButton = true): void {
    const menu = this.open;
    this.open = null;
    this.#host.requestUpdate();
    if (focusButton && menu) this.#options.button(menu)?.focus();
  }

  readonly onKeyDown = (event: KeyboardEvent): void => {
    const items = this.#options.items();
    const index = items.indexOf(event.target as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      items[(to + items.length) % items.length]?.focus();
    };
    // A row of items (the reactions) is walked with the left and right arrows too; in right-to-left text, mirrored.
    const forward = getComputedStyle(event.target as Element).direction === 'rtl' ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowRight' ? 'ArrowLeft' : 'ArrowRight';
    if (event.key === 'ArrowDown' || event.key === forward) move(index + 1);
    else if (event.key === 'ArrowUp' || event.key === backward) move(index - 1);
    else if (event.key === 'Home') move(0);
    else if (event.key === 'End') move(items.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') {
      if (event.key === 'Escape') event.preventDefault();
      this.close(event.key === 'Escape');
    }
  };
}
