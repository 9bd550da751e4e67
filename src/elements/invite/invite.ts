import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import { property, state } from 'lit/decorators.js';
import { isRoomCode, parseRoomReference } from '../../contract/room-code.js';
import { isEngaged } from '../../core/transitions.js';
import { HashdropCopyEvent, HashdropJoinRequestEvent } from '../shared/events.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { AnnouncerController } from '../shared/announcer.js';
import { SessionElement } from '../shared/session-element.js';
import { inviteLink } from './invite-link.js';
import { linkView } from './link-view.js';
import { inviteStyles } from './invite.styles.js';

export { inviteLink };

/** Loads the QR encoder on first use, so pages that never show a QR code never download it. */
export async function loadQrEncoder(): Promise<typeof import('./qr-image.js')> {
  return import('./qr-image.js');
}

/**
 * @tagname hashdrop-invite
 * @summary The room's invite: the code in large type, copy code, copy link, a QR code of the link, and a "join by code"
 * form that accepts a code or a pasted invite link.
 *
 * @attr code - The room code to show; defaults to the room of the session (context or `for`).
 * @attr link-template - The invite link with `{code}` where the code goes, e.g. `https://example.com/r/{code}`.
 *   Without it the link is the page URL with `?room=CODE`.
 * @attr no-qr - Hide the QR code (then the QR encoder is never loaded).
 * @attr no-join - Hide the "join by code" form.
 * @attr for - The id of a `<hashdrop-room>` whose room to show, when placed outside it.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 *
 * @fires {HashdropCopyEvent} hashdrop-copy - The code or link was copied (`ok` false if the clipboard refused).
 * @fires {HashdropJoinRequestEvent} hashdrop-join-request - The join form was submitted with a valid code
 *   (cancelable: without `preventDefault()`, a connected session that is not in a call prepares that room).
 *
 * @csspart base - The container.
 * @csspart title - The heading.
 * @csspart code - The code in large type.
 * @csspart link - The invite link as text.
 * @csspart copy-code - The Copy code button.
 * @csspart copy-link - The Copy link button.
 * @csspart qr - The QR code image.
 * @csspart join-form - The join by code form.
 * @csspart join-input - Its input.
 * @csspart join-button - Its button.
 *
 * @cssprop [--hashdrop-invite-code-size=2rem] - Font size of the code.
 * @cssprop [--hashdrop-invite-qr-size=192px] - Size of the QR code.
 * @cssprop [--hashdrop-invite-background=var(--hashdrop-color-surface)] - Background.
 *
 * @cssstate has-code - There is a room to invite to (a code or link shows).
 * @cssstate qr-ready - The QR code for the current link is drawn.
 */
export class HashdropInvite extends SessionElement {
  static override styles = [tokenStyles, controlStyles, inviteStyles];

  @property() code = '';
  @property({ attribute: 'link-template' }) linkTemplate = '';
  @property({ type: Boolean, attribute: 'no-qr' }) noQr = false;
  @property({ type: Boolean, attribute: 'no-join' }) noJoin = false;

  readonly #announcer = new AnnouncerController(this);
  @state() private joinValue = '';
  @state() private joinError = '';

  /**
   * The QR image of the current link, drawn off the render path by `@lit/task`: it loads the encoder on first use,
   * runs again when the link changes and drops a result that arrives for a link no longer shown. An image that cannot
   * be drawn is '' (no QR code then; the link and the code remain).
   */
  readonly #qr = new Task(this, {
    task: async ([link, noQr]: readonly [string, boolean]) => {
      if (!link || noQr) return '';
      try {
        const { qrImageUrl } = await loadQrEncoder();
        return qrImageUrl(link);
      } catch {
        return '';
      }
    },
    args: () => [this.link, this.noQr] as const,
  });

  /** The code shown: the `code` attribute, else the session's room. */
  get roomCode(): string {
    if (this.code) return parseRoomReference(this.code) ?? this.code;
    const s = this.snapshot;
    if (s.room?.code) return s.room.code;
    return s.roomRef && isRoomCode(s.roomRef) ? s.roomRef : '';
  }

  /** The invite link for the shown code ('' without a code). */
  get link(): string {
    const code = this.roomCode;
    if (!code) return '';
    const base = typeof location !== 'undefined' ? location.href : 'https://localhost/';
    return inviteLink(code, this.linkTemplate, base);
  }

  /** Resolves once the QR image for the current link is rendered (tests, screenshots), however long the encoder takes. */
  async qrReady(): Promise<void> {
    await this.updateComplete;
    await this.#qr.taskComplete;
    await this.updateComplete;
  }

  /** Moves focus to the heading (for a page that opens the invite on demand). */
  focusInitial(): void {
    this.renderRoot.querySelector<HTMLElement>('[part="title"]')?.focus();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const link = this.link;
    this.setState('has-code', !!link);
    this.setState('qr-ready', !!link && this.#qr.status === TaskStatus.COMPLETE);
  }

  async #copy(what: 'code' | 'link'): Promise<void> {
    const text = what === 'code' ? this.roomCode : this.link;
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      ok = false;
    }
    this.#announcer.announce(
      ok ? this.t(what === 'code' ? 'invite.copied-code' : 'invite.copied-link') : this.t('invite.copy-failed'),
    );
    this.emit(new HashdropCopyEvent(what, text, ok));
  }

  #onJoinInput = (e: Event) => {
    this.joinValue = (e.target as HTMLInputElement).value;
    if (this.joinError) this.joinError = '';
  };

  #onJoin = async (e: Event) => {
    e.preventDefault();
    const code = parseRoomReference(this.joinValue);
    if (!code) {
      this.joinError = this.t('invite.join.invalid');
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part="join-input"]')?.focus();
      return;
    }
    const event = new HashdropJoinRequestEvent(code, this.joinValue);
    if (!this.emit(event)) return;
    const session = this.activeSession;
    const status = this.snapshot.status;
    if (session && !isEngaged(status)) void session.prepare(code);
  };

  override render(): TemplateResult {
    const code = this.roomCode;
    const link = this.link;
    return html`<section part="base" aria-labelledby="title">
      <h2 part="title" id="title" tabindex="-1">${this.t('invite.title')}</h2>
      ${
        code
          ? html`<p class="muted" id="code-label">${this.t('invite.code')}</p>
              <p part="code" aria-describedby="code-label">${code}</p>
              ${linkView(link, code)}
              <div class="row">
                <button part="copy-code" type="button" @click=${() => this.#copy('code')}>
                  ${this.t('invite.copy-code')}
                </button>
                <button part="copy-link" class="primary" type="button" @click=${() => this.#copy('link')}>
                  ${this.t('invite.copy-link')}
                </button>
              </div>
              ${
                this.noQr
                  ? nothing
                  : this.#qr.render({
                      pending: () => html`<p class="muted">${this.t('invite.qr.loading')}</p>`,
                      complete: (src) =>
                        src ? html`<img part="qr" src=${src} alt=${this.t('invite.qr', { link })} />` : nothing,
                    })
              }`
          : html`<p class="muted">${this.t('invite.no-code')}</p>`
      }
      ${this.#announcer.region()}
      ${
        this.noJoin
          ? nothing
          : html`<form part="join-form" novalidate @submit=${this.#onJoin}>
              <h3>${this.t('invite.join.title')}</h3>
              <label for="join">${this.t('invite.join.label')}</label>
              <div class="row">
                <input
                  id="join"
                  part="join-input"
                  autocomplete="off"
                  spellcheck="false"
                  .value=${this.joinValue}
                  aria-invalid=${this.joinError ? 'true' : 'false'}
                  aria-describedby=${this.joinError ? 'join-error' : nothing}
                  @input=${this.#onJoinInput}
                />
                <button part="join-button" type="submit">${this.t('invite.join.submit')}</button>
              </div>
              ${this.joinError ? html`<span class="field-error" id="join-error">${this.joinError}</span>` : nothing}
            </form>`
      }
    </section>`;
  }
}
