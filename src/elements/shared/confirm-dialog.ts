import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** What a confirmation says, and the part names its nodes carry (each element keeps its documented parts). */
export interface ConfirmContent {
  parts: { dialog: string; confirm: string; cancel: string };
  title: string;
  body: string;
  confirm: string;
  cancel: string;
}

interface ConfirmHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * A confirmation before something that cannot be undone (End for all, Remove someone), written once for the control
 * bar, the tile's host menu and the host panel: a modal `<dialog>` (the browser traps focus and makes the page inert),
 * opened with focus on Cancel, the safer choice. Cancel and Escape close it and return focus to where the request came
 * from (the `returnTo` element, else what had focus when it opened); confirming closes it and calls `closed(true)`.
 * The element renders `render(content)` while the dialog may be asked for and calls `open()`.
 */
export class ConfirmDialogController implements ReactiveController {
  readonly #host: ConfirmHost;
  readonly #closed: (confirmed: boolean) => void;
  readonly #returnTo: (() => HTMLElement | null) | undefined;
  #origin: HTMLElement | null = null;

  constructor(host: ConfirmHost, closed: (confirmed: boolean) => void, returnTo?: () => HTMLElement | null) {
    this.#host = host;
    this.#closed = closed;
    this.#returnTo = returnTo;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#dialog()?.close();
  }

  #dialog(): HTMLDialogElement | null {
    return this.#host.renderRoot.querySelector('dialog');
  }

  /** Shows the dialog (once the host has rendered it) with focus on Cancel. */
  async open(): Promise<void> {
    const root = this.#host.renderRoot as ShadowRoot;
    this.#origin = this.#returnTo?.() ?? (root.activeElement as HTMLElement | null);
    if (!this.#dialog()) await this.#host.updateComplete;
    const dialog = this.#dialog();
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector<HTMLElement>('[data-cancel]')?.focus();
  }

  #close(confirmed: boolean): void {
    this.#dialog()?.close();
    if (!confirmed) this.#origin?.focus();
    this.#origin = null;
    this.#closed(confirmed);
  }

  render(content: ConfirmContent): TemplateResult {
    const { parts } = content;
    return html`<dialog
      part=${parts.dialog}
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @cancel=${() => this.#close(false)}
    >
      <h2 id="confirm-title">${content.title}</h2>
      <p id="confirm-body">${content.body}</p>
      <div class="row">
        <button part=${parts.cancel} type="button" data-cancel @click=${() => this.#close(false)}>
          ${content.cancel}
        </button>
        <button part=${parts.confirm} class="danger" type="button" @click=${() => this.#close(true)}>
          ${content.confirm}
        </button>
      </div>
    </dialog>`;
  }
}
