import type { ByteStreamHandler, Room, TextStreamHandler } from 'livekit-client';
import { claimedImageType, safeFileName, safeFileType, SNIFF_BYTES } from './file-safety.js';
import { DEFAULT_MAX_FILE_BYTES } from './limits.js';
import type { StreamReceiver } from './stream-inbox.js';
import type { ChatMessageSnapshot } from './snapshot.js';

/**
 * In-call chat on LiveKit's data streams, topic `lk.chat`: text with `sendText` / a text-stream handler, files as byte
 * streams / a byte-stream handler (sent attached to a text message, which LiveKit's React chat needs to show them).
 * LiveKit's own clients (React components, mobile SDKs) use the same topic and stream kinds, so they see this chat
 * and this chat sees theirs. Only types come from livekit-client here: the SDK itself is loaded on demand by
 * `livekit-call.ts`.
 */

export { DEFAULT_MAX_FILE_BYTES };

/** How many messages a session keeps; older ones are dropped (and their object URLs revoked). */
export const MAX_CHAT_MESSAGES = 500;

type Sender = ChatMessageSnapshot['from'];

/** What the call reports about chat; the session turns each into a change of `snapshot.chat`. */
export type ChatEvent =
  | { type: 'text'; id: string; from: Sender; sentAt: number; text: string }
  | { type: 'file'; id: string; from: Sender; sentAt: number; name: string; size: number; mimeType: string }
  | { type: 'progress'; id: string; progress: number }
  | { type: 'received'; id: string; blob: Blob }
  | { type: 'failed'; id: string; error: string };

/** "15 MB", "200 KB", "12 bytes": sizes as people read them (decimal units, as operating systems show files). */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1000 ** 2) return `${Math.round(bytes / 1000)} KB`;
  const mb = bytes / 1000 ** 2;
  return `${mb < 10 ? Math.round(mb * 10) / 10 : Math.round(mb)} MB`;
}

export function tooLargeMessage(size: number, limit: number): string {
  return `This file is ${formatBytes(size)}; files up to ${formatBytes(limit)} can be shared in this call.`;
}

/**
 * The chat history of one session: a bounded list of immutable messages, published as a new array on each change.
 * Owns the object URLs of files (received, or sent from here) and revokes them when a message is dropped, the history
 * is cleared or the session is disposed. Whatever the sender claimed, a file's name is neutralised and its object URL
 * is typed by `file-safety.ts`: a verified inert image, or `application/octet-stream` (see `complete`).
 */
export class ChatLog {
  #messages: ChatMessageSnapshot[] = [];
  readonly #urls = new Map<string, string>();
  /** Files whose first bytes are being read (`complete`); `dispose` moves `#epoch` on so none of them gets a URL. */
  readonly #checking = new Set<string>();
  #epoch = 0;

  constructor(
    private readonly publish: (messages: ChatMessageSnapshot[]) => void,
    private readonly limit = MAX_CHAT_MESSAGES,
  ) {}

  get messages(): readonly ChatMessageSnapshot[] {
    return this.#messages;
  }

  add(message: ChatMessageSnapshot): void {
    // A stream id seen twice (a retransmission) must not show twice.
    if (this.#messages.some((m) => m.id === message.id)) return;
    if (message.file) {
      // Until its bytes are checked, a file's type is at most what it claims among the inert images.
      const { name, mimeType } = message.file;
      message = {
        ...message,
        file: { ...message.file, name: safeFileName(name).name, mimeType: claimedImageType(mimeType) },
      };
    }
    const next = [...this.#messages, message];
    for (const dropped of next.splice(0, Math.max(0, next.length - this.limit))) this.#revoke(dropped.id);
    this.#set(next);
  }

  update(id: string, change: (message: ChatMessageSnapshot) => ChatMessageSnapshot): void {
    const index = this.#messages.findIndex((m) => m.id === id);
    if (index < 0) return;
    const before = this.#messages[index]!;
    const after = change(before);
    if (after === before) return;
    const next = [...this.#messages];
    next[index] = after;
    this.#set(next);
  }

  /** Progress 0–1 of a file; small steps are skipped so a large file does not re-render the chat per chunk. */
  progress(id: string, progress: number): void {
    this.update(id, (m) =>
      m.file &&
      !m.file.url &&
      !m.file.error &&
      (progress - m.file.progress >= 0.01 || (progress >= 1 && m.file.progress < 1))
        ? { ...m, file: { ...m.file, progress: Math.min(1, progress) } }
        : m,
    );
  }

  /**
   * The file's bytes are here (received, or sent from this browser): an object URL for previews and downloads, typed
   * from its first bytes — the claimed inert image type if they are that image, else `application/octet-stream` — so
   * that opened from the page it is never HTML, SVG or script on the page's origin. Resolves once the URL is set.
   */
  async complete(id: string, blob: Blob): Promise<void> {
    if (!this.#messages.some((m) => m.id === id && m.file) || this.#urls.has(id) || this.#checking.has(id)) return;
    const epoch = this.#epoch;
    this.#checking.add(id);
    const head = await blob
      .slice(0, SNIFF_BYTES)
      .arrayBuffer()
      .then(
        (bytes) => new Uint8Array(bytes),
        () => new Uint8Array(0),
      );
    this.#checking.delete(id);
    const message = this.#messages.find((m) => m.id === id && m.file);
    if (epoch !== this.#epoch || !message || this.#urls.has(id)) return;
    const type = safeFileType(message.file!.mimeType, head);
    const url = URL.createObjectURL(blob.type === type ? blob : new Blob([blob], { type }));
    this.#urls.set(id, url);
    this.update(id, (m) => ({ ...m, file: { ...m.file!, progress: 1, mimeType: type, url } }));
  }

  /** Why a file of `size` bytes is refused under `limit`. */
  tooLarge(size: number, limit: number): string {
    return tooLargeMessage(size, limit);
  }

  fail(id: string, error: string): void {
    this.update(id, (m) => (m.file ? { ...m, file: { ...m.file, error } } : { ...m, error }));
  }

  apply(event: ChatEvent): void | Promise<void> {
    switch (event.type) {
      case 'text':
        return this.add({
          id: event.id,
          from: event.from,
          isLocal: false,
          sentAt: isoTime(event.sentAt),
          text: event.text,
        });
      case 'file':
        return this.add({
          id: event.id,
          from: event.from,
          isLocal: false,
          sentAt: isoTime(event.sentAt),
          file: { name: event.name, size: event.size, mimeType: event.mimeType, progress: 0 },
        });
      case 'progress':
        return this.progress(event.id, event.progress);
      case 'received':
        return this.complete(event.id, event.blob);
      case 'failed':
        return this.fail(event.id, event.error);
    }
  }

  clear(): void {
    this.dispose();
    if (this.#messages.length) this.#set([]);
  }

  /** Revokes every object URL (the messages stay readable, their files no longer open). */
  dispose(): void {
    this.#epoch++;
    this.#checking.clear();
    for (const url of this.#urls.values()) URL.revokeObjectURL(url);
    this.#urls.clear();
  }

  #set(messages: ChatMessageSnapshot[]): void {
    this.#messages = messages;
    this.publish(messages);
  }

  #revoke(id: string): void {
    const url = this.#urls.get(id);
    if (url) URL.revokeObjectURL(url);
    this.#urls.delete(id);
  }
}

function isoTime(ms: number): string {
  return new Date(Number.isFinite(ms) && ms > 0 ? ms : Date.now()).toISOString();
}

/**
 * Reads the `lk.chat` streams of a connected room and reports what arrives. Files larger than `maxFileBytes` (by their
 * announced size or by what actually arrives) are drained without being kept. A text's attached files are matched to
 * it as their streams begin, so the streams must reach it in the order they came.
 */
export function chatReceiver(
  room: Room,
  emit: (event: ChatEvent) => void,
  maxFileBytes: number = DEFAULT_MAX_FILE_BYTES,
): Required<StreamReceiver> {
  const known = (identity: string): Sender | null => {
    const participant = room.getParticipantByIdentity(identity);
    return participant ? { identity, name: participant.name || identity } : null;
  };
  // A stream can arrive before the room has announced its sender (a client that sends right after connecting):
  // wait a little for the participant, so the message carries a name rather than an identity.
  // RoomEvent.ParticipantConnected by name: this module takes only types from livekit-client.
  const events = room as unknown as { on(event: string, f: () => void): void; off(event: string, f: () => void): void };
  const sender = (identity: string): Promise<Sender> => {
    const now = known(identity);
    if (now) return Promise.resolve(now);
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        events.off('participantConnected', check);
        resolve(known(identity) ?? { identity, name: identity });
      };
      const check = () => {
        if (known(identity)) done();
      };
      const timer = setTimeout(done, 2000);
      events.on('participantConnected', check);
    });
  };
  const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

  // Files attached to a text message (`sendText(text, { attachments })`, the way LiveKit's React chat sends files and
  // shows them): the text stream names the byte streams that follow it, and each file arrives as a byte stream on
  // this topic like any other. A message whose text is empty or just the name of a file it carries is only that
  // file's caption: the file's own message shows it. Keyed by the attached stream's id; resolved with the file's name
  // when its stream begins (right after the text, in order on the reliable channel), or null if it does not come.
  const attached = new Map<string, (name: string | null) => void>();
  const attachedName = (streamId: string) =>
    new Promise<string | null>((resolve) => {
      const timer = setTimeout(() => settle(null), 2000);
      const settle = (name: string | null) => {
        clearTimeout(timer);
        attached.delete(streamId);
        resolve(name);
      };
      attached.set(streamId, settle);
    });

  const text: TextStreamHandler = (reader, { identity }) => {
    const { id, timestamp, attachedStreamIds = [] } = reader.info;
    const names = Promise.all(attachedStreamIds.map(attachedName));
    Promise.all([reader.readAll(), sender(identity), names])
      .then(([text, from, files]) => {
        const caption = files.length > 0 && (!text.trim() || files.includes(text));
        if (!caption) emit({ type: 'text', id, from, sentAt: timestamp, text });
      })
      .catch(() => {
        // A text stream cut off mid-way (the sender left) has nothing worth showing.
      });
  };

  const bytes: ByteStreamHandler = (reader, { identity }) => {
    let received = 0;
    const { id, name, mimeType, size, timestamp } = reader.info;
    attached.get(id)?.(name);
    let refused = size !== undefined && size > maxFileBytes;
    reader.onProgress = (progress) => {
      if (!refused && progress !== undefined) emit({ type: 'progress', id, progress });
    };
    void (async () => {
      // Reading starts at once (chunks queue meanwhile); the message appears once its sender is known.
      const announced = sender(identity).then((from) => {
        emit({ type: 'file', id, from, sentAt: timestamp, name, size: size ?? 0, mimeType });
        if (refused) emit({ type: 'failed', id, error: tooLargeMessage(size ?? received, maxFileBytes) });
      });
      const chunks: Uint8Array[] = [];
      // Reading on after a refusal drains the stream, so the SDK does not queue a file nobody keeps.
      for await (const chunk of reader) {
        received += chunk.byteLength;
        if (!refused && received > maxFileBytes) {
          refused = true;
          chunks.length = 0;
          const total = received;
          void announced.then(() => emit({ type: 'failed', id, error: tooLargeMessage(total, maxFileBytes) }));
        }
        if (!refused) chunks.push(chunk);
      }
      await announced;
      // Untyped: the sender's claimed type is never given to the bytes (the history types them, see `complete`).
      if (!refused) emit({ type: 'received', id, blob: new Blob(chunks as BlobPart[]) });
    })().catch((error: unknown) => {
      if (!refused) emit({ type: 'failed', id, error: `The file did not arrive completely (${reason(error)}).` });
    });
  };

  const stop = () => {
    for (const settle of [...attached.values()]) settle(null);
  };
  return { text, bytes, stop };
}
