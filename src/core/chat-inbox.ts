import type { ByteStreamReader, Room, TextStreamReader } from 'livekit-client';
import { CHAT_TOPIC } from '../contract/topics.js';
import type { ChatReceiver } from './chat.js';

type Delivery =
  | { kind: 'text'; reader: TextStreamReader; from: { identity: string } }
  | { kind: 'bytes'; reader: ByteStreamReader; from: { identity: string } };

/**
 * Takes a room's `lk.chat` streams from the moment the call connects, though what reads them (chat.ts, with the chat
 * panel in the CDN build's `extras` chunk) is fetched only when the first one comes: a call where nobody writes never
 * fetches it. Streams that come meanwhile wait, unread (the SDK queues their chunks), and reach the receiver in the
 * order they came: a text names the files attached to it before their streams begin. If the fetch fails, those
 * streams are dropped and the next one tries again. Returns what lets go of the streams.
 */
export function openChatInbox(room: Room, loadReceiver: () => Promise<ChatReceiver>): () => void {
  let receiver: ChatReceiver | null = null;
  let waiting: Delivery[] | null = null;
  let stopped = false;

  const deliver = (delivery: Delivery, to: ChatReceiver) =>
    delivery.kind === 'text' ? to.text(delivery.reader, delivery.from) : to.bytes(delivery.reader, delivery.from);

  const take = (delivery: Delivery) => {
    if (receiver) return deliver(delivery, receiver);
    if (waiting) return void waiting.push(delivery);
    const queue = (waiting = [delivery]);
    loadReceiver().then(
      (loaded) => {
        waiting = null;
        if (stopped) return loaded.stop();
        for (const early of queue) deliver(early, loaded);
        receiver = loaded;
      },
      () => {
        waiting = null;
      },
    );
  };

  room.registerTextStreamHandler(CHAT_TOPIC, (reader, from) => take({ kind: 'text', reader, from }));
  room.registerByteStreamHandler(CHAT_TOPIC, (reader, from) => take({ kind: 'bytes', reader, from }));
  return () => {
    stopped = true;
    room.unregisterTextStreamHandler(CHAT_TOPIC);
    room.unregisterByteStreamHandler(CHAT_TOPIC);
    receiver?.stop();
  };
}
