import type { ChatEvent, ChatLog } from './chat.js';
import { DEFAULT_MAX_FILE_BYTES } from './limits.js';
import { LocalMedia } from './session-media.js';
import type { ChatMessageSnapshot } from './snapshot.js';

/**
 * The session's chat: the history and sending texts and files on the live connection. The history's module comes with
 * the first message, sent or received (in the CDN build, with the chat panel in the `extras` chunk): a call where
 * nobody writes never fetches it. Without the module the call still works; chat stays empty and sending does nothing.
 * A layer of `RoomSession` (see session-core.ts).
 */
export class SessionChat extends LocalMedia {
  /** The largest chat file sent or accepted, in bytes. */
  maxFileBytes = DEFAULT_MAX_FILE_BYTES;
  #log: ChatLog | null = null;
  /** What arrived while the history's module was on its way, in order. */
  #early: ChatEvent[] = [];
  #ids = 0;

  /** Loads the chat module and creates the history once. */
  async #loadChat(): Promise<ChatLog | null> {
    if (this.#log) return this.#log;
    try {
      const { ChatLog } = await import('./chat.js');
      if (!this.disposed && !this.#log) {
        this.#log = new ChatLog((chat) => this.update({ chat }));
        for (const event of this.#early.splice(0)) void this.#log.apply(event);
      }
    } catch {
      // Without the module the call works; chat stays empty and its actions do nothing.
    }
    return this.#log;
  }

  /** A new call starts with an empty history. */
  protected clearChat(): void {
    this.#early = [];
    this.#log?.clear();
  }

  /** Chat from another participant. */
  protected applyChat(event: ChatEvent): void {
    if (this.#log) {
      void this.#log.apply(event);
      return;
    }
    this.#early.push(event);
    void this.#loadChat();
  }

  async sendChatMessage(text: string): Promise<void> {
    if (typeof text !== 'string' || !text.trim() || !(await this.#loadChat())) return;
    const connection = this.connection;
    if (this.disposed || !connection?.sendChatText) return;
    const id = this.#addLocal({ text });
    try {
      await connection.sendChatText(text);
    } catch (error) {
      this.#log?.fail(id, error instanceof Error ? error.message : String(error));
    }
  }

  async sendChatFile(file: File): Promise<void> {
    const chat = await this.#loadChat();
    const connection = this.connection;
    if (this.disposed || !chat || !connection?.sendChatFile) return;
    const meta = { name: file.name, size: file.size, mimeType: file.type || 'application/octet-stream', progress: 0 };
    const max = this.maxFileBytes;
    if (file.size > max) {
      this.#addLocal({ file: { ...meta, error: chat.tooLarge(file.size, max) } });
      return;
    }
    const id = this.#addLocal({ file: meta });
    try {
      await connection.sendChatFile(file, (progress) => chat.progress(id, progress));
      chat.complete(id, file);
    } catch (error) {
      chat.fail(id, error instanceof Error ? error.message : String(error));
    }
  }

  override dispose(): void {
    this.#log?.dispose();
    super.dispose();
  }

  #addLocal(content: Pick<ChatMessageSnapshot, 'text' | 'file'>): string {
    const s = this.snapshot;
    const id = `local-${++this.#ids}`;
    const identity = s.identity ?? '';
    this.#log?.add({
      id,
      from: { identity, name: s.displayName || identity },
      isLocal: true,
      sentAt: new Date().toISOString(),
      ...content,
    });
    return id;
  }
}
