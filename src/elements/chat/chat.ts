import { IntersectionController } from '@lit-labs/observers/intersection-controller.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { DEFAULT_MAX_FILE_BYTES, formatBytes } from '../../core/chat.js';
import { isPreviewable, safeFileName } from '../../core/file-safety.js';
import type { ChatMessageSnapshot, RoomSnapshot } from '../../core/snapshot.js';
import { HashdropChatUnreadEvent, HashdropErrorEvent } from '../shared/events.js';
import { AnnouncerController } from '../shared/announcer.js';
import { SessionElement } from '../shared/session-element.js';
import { controlStyles, tokenStyles } from '../shared/tokens.styles.js';
import { chatStyles } from './chat.styles.js';
import { formatClockTime } from '../shared/format.js';

/** http(s) URLs in message text; trailing punctuation is left out of the link. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;

/** Splits text into plain strings and safe links (http and https only; any other scheme stays text). */
export function linkify(text: string): Array<string | { href: string; label: string }> {
  const parts: Array<string | { href: string; label: string }> = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const label = match[0].replace(/[.,;:!?)\]}]+$/, '');
    const start = match.index;
    let href: string | null = null;
    try {
      const url = new URL(label);
      if (url.protocol === 'http:' || url.protocol === 'https:') href = url.href;
    } catch {
      href = null;
    }
    if (!href) continue;
    if (start > last) parts.push(text.slice(last, start));
    parts.push({ href, label });
    last = start + label.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** Parses `max-file-size`: a positive whole number of bytes, else null. */
export function parseFileSize(value: string | number | null | undefined): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string' || !/^\s*\d+\s*$/.test(value)) return null;
  const bytes = Number(value);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : null;
}

/** The server takes the audience's data rights away when audience chat is off: say so instead of failing sends. */
function audienceSilenced(snapshot: RoomSnapshot): boolean {
  return snapshot.role === 'audience' && snapshot.room?.policy.audienceChat === false;
}

/**
 * @tagname hashdrop-chat
 * @summary Text messages and files for everyone in the call, on LiveKit's `lk.chat` data streams (so LiveKit's own
 * clients see the same chat). Messages escape all HTML; http(s) links open in a new tab, other schemes stay text.
 * Files up to `max-file-size` are shared with progress, image previews and download links; a refused file says why.
 * A file never becomes active content on the page: only PNG, JPEG, GIF, WebP and AVIF files whose bytes are that
 * image are previewed (never SVG); everything else is an `application/octet-stream` download. File names lose bidi
 * controls, invisible characters and paths, and their real extension is shown apart.
 * Works inside `<hashdrop-room>` or anywhere with `for="room-id"`.
 *
 * @attr for - The id of a `<hashdrop-room>` in the same document (or shadow root) whose chat to show.
 * @attr max-file-size - The largest file that may be shared, in bytes (default 15000000, 15 MB). A malformed value
 * is reported with `hashdrop-error` (INVALID_ATTRIBUTE) and the default is used.
 * @attr lang - Language of the texts (falls back to the nearest `lang`, then English).
 * @attr hidden - HTML's own; while hidden, messages do not count as seen, and on showing again the chat scrolls to
 *   the newest.
 *
 * @fires {HashdropChatUnreadEvent} hashdrop-chat-unread - The count of messages from others not seen yet changed
 * (`count`); a chat toggle shows it as a badge. Messages count as seen while the chat is visible.
 * @fires {HashdropErrorEvent} hashdrop-error - `max-file-size` is malformed (INVALID_ATTRIBUTE, not fatal).
 *
 * @csspart base - The chat.
 * @csspart title - The heading.
 * @csspart messages - The scrolling list of messages.
 * @csspart message - One message (also `message-local` for this browser's own).
 * @csspart sender - The sender's name.
 * @csspart time - When it was sent.
 * @csspart text - The message text.
 * @csspart link - A link in a message.
 * @csspart file - A shared file.
 * @csspart progress - A file's progress bar while it is sent or received.
 * @csspart preview - The preview of an image file.
 * @csspart download - The download link of a file.
 * @csspart file-error - Why a file was not shared.
 * @csspart empty - The "no messages yet" text.
 * @csspart chat-off - Says the host turned chat off for the audience (stage mode).
 * @csspart composer - The form with the text field and buttons.
 * @csspart input - The message text field.
 * @csspart send - The send button.
 * @csspart attach - The share-a-file button.
 * @csspart refusal - The notice for a file refused before sending (too large).
 * @csspart drop-zone - The overlay shown while a file is dragged over the chat.
 *
 * @cssprop [--hashdrop-chat-background=var(--hashdrop-color-surface)] - Chat background.
 * @cssprop [--hashdrop-chat-message-background=var(--hashdrop-color-surface-raised)] - Background of a message.
 * @cssprop [--hashdrop-chat-local-background=var(--hashdrop-color-accent)] - Background of this browser's messages
 * (text on it uses `--hashdrop-color-accent-contrast`).
 * @cssprop [--hashdrop-chat-preview-max-height=12rem] - Tallest image preview.
 *
 * @cssstate unread - There are messages from others not seen yet.
 * @cssstate dragging - A file is dragged over the chat.
 */
export class HashdropChat extends SessionElement {
  static override styles = [tokenStyles, controlStyles, chatStyles];

  /** The largest file that may be shared, in bytes (`max-file-size`). */
  @property({ attribute: 'max-file-size' }) maxFileSize: string | number | null = null;

  /**
   * Whether the messages already there when the chat first renders are news, counted unread and announced like those
   * that arrive later, instead of history seen before. The room's call screen sets it: it defines its chat once the
   * first message arrives (or the chat is opened), and every message of a call is news to it.
   * @internal
   */
  @property({ attribute: false }) historyIsNew = false;

  @state() private draft = '';
  @state() private refusal = '';
  readonly #announcer = new AnnouncerController(this);
  @state() private dragging = false;
  @state() private unreadCount = 0;

  #known: Set<string> | null = null;
  /** Whether the audience's chat was off at the last snapshot (null before the first). */
  #wasSilenced: boolean | null = null;
  #stickToBottom = true;
  #intersecting = true;

  /** Messages from others that arrived while the chat was not visible. */
  get unread(): number {
    return this.unreadCount;
  }

  /** The file size limit in effect (the attribute when valid, else 15 MB). */
  get fileLimit(): number {
    return parseFileSize(this.maxFileSize) ?? DEFAULT_MAX_FILE_BYTES;
  }

  /** Counts everything as seen (the chat was opened). */
  markRead(): void {
    this.#setUnread(0);
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'hidden'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'hidden' && value === null && old !== null) {
      // Shown again: what arrived meanwhile is now on screen, at the bottom.
      this.#stickToBottom = true;
      this.requestUpdate();
      queueMicrotask(() => this.#visible(true) && this.markRead());
    }
  }

  constructor() {
    super();
    // Whether the chat is scrolled into view: what arrives while it is not counts as unread.
    new IntersectionController(this, {
      callback: (entries) => {
        if (!entries.length) return;
        this.#intersecting = entries.some((entry) => entry.isIntersecting);
        if (this.#visible()) this.markRead();
      },
    });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('maxFileSize') && this.maxFileSize !== null && parseFileSize(this.maxFileSize) === null) {
      const error = {
        code: 'INVALID_ATTRIBUTE' as const,
        attribute: 'max-file-size',
        message: this.t('chat.error.max-file-size', {
          value: String(this.maxFileSize),
          max: formatBytes(DEFAULT_MAX_FILE_BYTES),
        }),
      };
      void this.updateComplete.then(() => this.emit(new HashdropErrorEvent(error, false)));
    }
    const list = this.renderRoot?.querySelector?.('[part="messages"]');
    if (list) this.#stickToBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 32;
    super.willUpdate(changed);
  }

  protected override snapshotChanged(snapshot: RoomSnapshot): void {
    // Turned off while the chat shows: said once, through the live region (the notice itself is plain text, read
    // where it stands by whoever comes to the chat later).
    const silenced = audienceSilenced(snapshot);
    if (silenced && this.#wasSilenced === false) this.#announcer.announce(this.t('chat.audience-off'));
    this.#wasSilenced = silenced;
    const chat = snapshot.chat;
    if (!this.#known && !this.historyIsNew) {
      // What is there when the chat appears counts as seen, and is not announced.
      this.#known = new Set(chat.map((m) => m.id));
      return;
    }
    const fresh = chat.filter((m) => !this.#known?.has(m.id));
    this.#known = new Set(chat.map((m) => m.id));
    if (fresh.some((m) => m.isLocal)) this.#stickToBottom = true;
    const remote = fresh.filter((m) => !m.isLocal);
    if (!remote.length) return;
    const last = remote[remote.length - 1]!;
    this.#announcer.announce(
      remote.length > 1
        ? this.t('chat.announce.many', { count: remote.length })
        : last.file
          ? this.t('chat.announce.file', { name: last.from.name, file: safeFileName(last.file.name).name })
          : this.t('chat.announce.text', { name: last.from.name, text: last.text ?? '' }),
    );
    if (!this.#visible()) this.#setUnread(this.unreadCount + remote.length);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const list = this.renderRoot.querySelector('[part="messages"]');
    if (list && this.#stickToBottom) list.scrollTop = list.scrollHeight;
    this.setState('dragging', this.dragging);
  }

  /** Whether the list is on screen (`opened`: it was just shown, so whether the page is in front does not matter). */
  #visible(opened = false): boolean {
    if (!this.isConnected || this.hidden || (!opened && !this.#intersecting)) return false;
    if (!opened && typeof document !== 'undefined' && document.visibilityState === 'hidden') return false;
    return typeof this.checkVisibility === 'function' ? this.checkVisibility() : true;
  }

  #setUnread(count: number): void {
    if (count === this.unreadCount) return;
    this.unreadCount = count;
    this.setState('unread', count > 0);
    this.emit(new HashdropChatUnreadEvent(count));
  }

  #send(): void {
    const text = this.draft;
    if (!text.trim()) return;
    void this.activeSession?.sendChatMessage(text);
    this.draft = '';
    this.#stickToBottom = true;
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    this.#send();
  };

  #onSubmit = (event: Event): void => {
    event.preventDefault();
    this.#send();
  };

  /** Shares files; one over the limit is refused here, before anything is sent, with the reason. */
  shareFiles(files: Iterable<File>): void {
    const limit = this.fileLimit;
    const refused: string[] = [];
    for (const file of files) {
      if (file.size > limit) {
        refused.push(
          this.t('chat.too-large', {
            name: safeFileName(file.name).name,
            size: formatBytes(file.size),
            max: formatBytes(limit),
          }),
        );
        continue;
      }
      this.#stickToBottom = true;
      void this.activeSession?.sendChatFile(file);
    }
    this.refusal = refused.join(' ');
  }

  #onFileChosen = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.shareFiles([...(input.files ?? [])]);
    input.value = '';
  };

  #onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer?.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    this.dragging = true;
  };

  #onDragLeave = (event: DragEvent): void => {
    if (!this.contains(event.relatedTarget as Node | null) && event.relatedTarget !== this) this.dragging = false;
  };

  #onDrop = (event: DragEvent): void => {
    event.preventDefault();
    this.dragging = false;
    this.shareFiles([...(event.dataTransfer?.files ?? [])]);
  };

  #renderText(text: string): TemplateResult {
    const pieces = linkify(text).map((piece) =>
      typeof piece === 'string'
        ? piece
        : html`<a part="link" href=${piece.href} target="_blank" rel="noopener noreferrer nofollow">${piece.label}</a>`,
    );
    // Nothing but the message between the tags: the text keeps its own line breaks (`white-space: pre-wrap`), so any
    // whitespace of the template would show as a blank first line and an indent.
    return html`<p part="text" dir="auto">${pieces}</p>`;
  }

  /**
   * A file as sent, never as the sender dressed it: the name neutralised (no bidi overrides, invisible characters or
   * paths), its real extension shown apart so a `.html` cannot pass for a `.pdf`, an inline preview only for a verified
   * inert raster image (never SVG), and a download link that cannot reach this page.
   */
  #renderFile(message: ChatMessageSnapshot): TemplateResult {
    const file = message.file!;
    const size = formatBytes(file.size);
    const { name, stem, extension } = safeFileName(file.name);
    const label = html`<span class="file-name"
      ><bdi>${stem}</bdi>${extension ? html`<bdi class="file-extension" dir="ltr">${extension}</bdi>` : nothing}</span
    >`;
    if (file.error) {
      return html`<div part="file">
        ${label} <span class="muted">(${size})</span>
        <p part="file-error">${this.t('chat.failed', { error: file.error })}</p>
      </div>`;
    }
    if (!file.url) {
      const progressLabel = this.t(message.isLocal ? 'chat.sending' : 'chat.receiving', { name });
      const percent = Math.round(file.progress * 100);
      return html`<div part="file">
        ${label} <span class="muted">(${size})</span>
        <div class="progress-row">
          <progress part="progress" max="100" .value=${percent} aria-label=${progressLabel}></progress>
          <span class="muted" aria-hidden="true">${percent}%</span>
        </div>
      </div>`;
    }
    return html`<div part="file">
      ${isPreviewable(file.mimeType) ? html`<img part="preview" src=${file.url} alt=${name} />` : nothing}
      <a
        part="download"
        href=${file.url}
        download=${name}
        rel="noopener noreferrer"
        aria-label=${this.t('chat.download', { name })}
        >${label}</a
      >
      <span class="muted">(${size})</span>
    </div>`;
  }

  #renderMessage(message: ChatMessageSnapshot): TemplateResult {
    // The name the call knows now: a message can arrive before its sender is in the roster (a client that writes the
    // moment it connects), and then it still shows their name once they are.
    const known = this.snapshot.participants.find((p) => p.identity === message.from.identity)?.name;
    const sender = message.isLocal ? this.t('chat.you') : known || message.from.name || message.from.identity;
    return html`<li part=${message.isLocal ? 'message message-local' : 'message'} data-message-id=${message.id}>
      <div class="meta">
        <span part="sender">${sender}</span>
        <time part="time" datetime=${message.sentAt}>${formatClockTime(message.sentAt, this.language)}</time>
      </div>
      ${message.text !== undefined ? this.#renderText(message.text) : nothing}
      ${message.error ? html`<p part="file-error">${this.t('chat.not-sent', { error: message.error })}</p>` : nothing}
      ${message.file ? this.#renderFile(message) : nothing}
    </li>`;
  }

  override render(): TemplateResult {
    const messages = this.snapshot.chat;
    const silenced = audienceSilenced(this.snapshot);
    const canSend = !!this.activeSession && this.snapshot.capabilities.chat && !silenced;
    return html`<section
      part="base"
      aria-labelledby="chat-title"
      @dragover=${this.#onDragOver}
      @dragleave=${this.#onDragLeave}
      @drop=${this.#onDrop}
    >
      <h2 part="title" id="chat-title" tabindex="-1">${this.t('chat.title')}</h2>
      ${this.#announcer.region()}
      ${
        messages.length
          ? html`<ol part="messages" aria-labelledby="chat-title" tabindex="0">
              ${messages.map((m) => this.#renderMessage(m))}
            </ol>`
          : html`<p part="empty" class="muted">${this.t('chat.empty')}</p>`
      }
      ${this.refusal ? html`<p part="refusal" role="alert">${this.refusal}</p>` : nothing}
      ${silenced ? html`<p part="chat-off">${this.t('chat.audience-off')}</p>` : nothing}
      <form part="composer" @submit=${this.#onSubmit}>
        <label class="visually-hidden" for="chat-input">${this.t('chat.message')}</label>
        <textarea
          part="input"
          id="chat-input"
          rows="2"
          placeholder=${this.t('chat.placeholder')}
          aria-describedby="chat-hint"
          .value=${live(this.draft)}
          ?disabled=${!canSend}
          @input=${(e: Event) => (this.draft = (e.target as HTMLTextAreaElement).value)}
          @keydown=${this.#onKeyDown}
        ></textarea>
        <span id="chat-hint" class="visually-hidden">${this.t('chat.hint')}</span>
        <div class="row">
          <button
            part="attach"
            type="button"
            ?disabled=${!canSend}
            @click=${() => this.renderRoot.querySelector<HTMLInputElement>('input[type="file"]')?.click()}
          >
            ${this.t('chat.attach')}
          </button>
          <input type="file" hidden multiple @change=${this.#onFileChosen} />
          <button part="send" class="primary" type="submit" ?disabled=${!canSend}>${this.t('chat.send')}</button>
        </div>
      </form>
      ${this.dragging ? html`<div part="drop-zone" aria-hidden="true">${this.t('chat.drop')}</div>` : nothing}
    </section>`;
  }
}
