import type { ByteStreamHandler, ByteStreamReader, Room, TextStreamHandler, TextStreamReader } from 'livekit-client';

/** What reads a topic's streams once it is here (chat.ts, caption-stream.ts), and how it lets go of them. */
export interface StreamReceiver {
  text?: TextStreamHandler;
  bytes?: ByteStreamHandler;
  stop(): void;
}

type Delivery =
  | { kind: 'text'; reader: TextStreamReader; from: { identity: string } }
  | { kind: 'bytes'; reader: ByteStreamReader; from: { identity: string } };

/** Reads a stream to its end, keeping nothing. */
async function drain(reader: AsyncIterable<unknown>): Promise<void> {
  try {
    for await (const _chunk of reader);
  } catch {
    // Cut off mid-way: nothing more will come.
  }
}

/**
 * Takes a room's streams on `topic` (of the `kinds` given) from the moment the call connects, though what reads them
 * (chat, captions: in the CDN build, with the elements that show them in the `extras` chunk) is fetched only when the
 * first one comes: a call where nobody writes or captions never fetches it. Streams that come meanwhile wait, unread
 * (the SDK queues their chunks), and reach the receiver in the order they came: a chat text names the files attached
 * to it before their streams begin. If the fetch fails, those streams are read to their end and dropped (so the SDK
 * keeps none of what a sender sends), and the next one tries again. Returns what lets go of the streams.
 */
export function openStreamInbox(
  room: Room,
  topic: string,
  kinds: readonly Delivery['kind'][],
  loadReceiver: () => Promise<StreamReceiver>,
): () => void {
  let receiver: StreamReceiver | null = null;
  let waiting: Delivery[] | null = null;
  let stopped = false;

  const deliver = (delivery: Delivery, to: StreamReceiver) =>
    delivery.kind === 'text' ? to.text?.(delivery.reader, delivery.from) : to.bytes?.(delivery.reader, delivery.from);

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
        for (const dropped of queue) void drain(dropped.reader);
      },
    );
  };

  if (kinds.includes('text'))
    room.registerTextStreamHandler(topic, (reader, from) => take({ kind: 'text', reader, from }));
  if (kinds.includes('bytes')) {
    room.registerByteStreamHandler(topic, (reader, from) => take({ kind: 'bytes', reader, from }));
  }
  return () => {
    stopped = true;
    if (kinds.includes('text')) room.unregisterTextStreamHandler(topic);
    if (kinds.includes('bytes')) room.unregisterByteStreamHandler(topic);
    receiver?.stop();
  };
}
