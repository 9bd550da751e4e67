/**
 * The chat history's files (src/core/chat.ts): whatever a sender claims, the object URL a received or shared file
 * gets is never of an active type (HTML, SVG, script…), and the names shown are neutralised. Runs in Node (its Blob,
 * object URLs and `resolveObjectURL` stand in for the browser's) with a fake room in place of livekit-client's.
 */
import assert from 'node:assert/strict';
import { resolveObjectURL } from 'node:buffer';
import { describe, it } from 'node:test';
import type { Room } from 'livekit-client';
import { ChatLog, chatReceiver, type ChatEvent } from '../../src/core/chat.js';
import { openStreamInbox, type StreamReceiver } from '../../src/core/stream-inbox.js';
import type { ChatMessageSnapshot } from '../../src/core/snapshot.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
const HTML = new TextEncoder().encode('<!doctype html><script>parent.stolen = localStorage</script>');
const SVG = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
const sender = { identity: 'guest', name: 'Guest' };

/** A history and a way to wait for its next published state that satisfies `ready`. */
function history() {
  let latest: ChatMessageSnapshot[] = [];
  const waiters: Array<() => void> = [];
  const log = new ChatLog((messages) => {
    latest = messages;
    for (const wake of waiters.splice(0)) wake();
  });
  const until = async (ready: (messages: ChatMessageSnapshot[]) => boolean): Promise<ChatMessageSnapshot[]> => {
    while (!ready(latest)) await new Promise<void>((resolve) => waiters.push(resolve));
    return latest;
  };
  return { log, until };
}

async function blobOf(url: string | undefined): Promise<{ type: string; text: string }> {
  assert.ok(url, 'the file has an object URL');
  const blob = resolveObjectURL(url);
  assert.ok(blob, 'the object URL resolves');
  return { type: blob.type, text: await blob.text() };
}

/** Receives one file the way a sender would announce and stream it, and returns its message once it has a URL. */
async function receive(name: string, mimeType: string, bytes: Uint8Array<ArrayBuffer>) {
  const { log, until } = history();
  log.apply({ type: 'file', id: 'f1', from: sender, sentAt: 1, name, size: bytes.byteLength, mimeType });
  log.apply({ type: 'received', id: 'f1', blob: new Blob([bytes], { type: mimeType }) });
  const [message] = await until((m) => !!m[0]?.file?.url);
  return message!;
}

describe('ChatLog: received files never get an active type', () => {
  it('types an HTML file sent as text/html as application/octet-stream', async () => {
    const message = await receive('invoice.html', 'text/html', HTML);
    const blob = await blobOf(message.file!.url);
    assert.equal(blob.type, 'application/octet-stream');
    assert.equal(message.file!.mimeType, 'application/octet-stream');
    assert.equal(blob.text, new TextDecoder().decode(HTML), 'the bytes are kept as sent');
  });

  it('never types an SVG as image/svg+xml', async () => {
    const message = await receive('logo.svg', 'image/svg+xml', SVG);
    assert.equal((await blobOf(message.file!.url)).type, 'application/octet-stream');
    assert.equal(message.file!.mimeType, 'application/octet-stream');
  });

  it('keeps image/png for a PNG whose bytes are a PNG', async () => {
    const message = await receive('photo.png', 'image/png', PNG);
    assert.equal((await blobOf(message.file!.url)).type, 'image/png');
    assert.equal(message.file!.mimeType, 'image/png');
  });

  it('types HTML bytes claimed as image/png as application/octet-stream (magic number mismatch)', async () => {
    const message = await receive('photo.png', 'image/png', HTML);
    assert.equal((await blobOf(message.file!.url)).type, 'application/octet-stream');
    assert.equal(message.file!.mimeType, 'application/octet-stream');
  });

  it('types a file shared from this browser the same way (a local .html stays a download)', async () => {
    const { log, until } = history();
    const file = new File([HTML], 'page.html', { type: 'text/html' });
    log.add({
      id: 'local-1',
      from: sender,
      isLocal: true,
      sentAt: new Date().toISOString(),
      file: { name: file.name, size: file.size, mimeType: file.type, progress: 0 },
    });
    log.complete('local-1', file);
    const [message] = await until((m) => !!m[0]?.file?.url);
    assert.equal((await blobOf(message!.file!.url)).type, 'application/octet-stream');
    assert.equal(message!.file!.mimeType, 'application/octet-stream');
  });

  it('makes no object URL for a file whose history was disposed meanwhile', async () => {
    const { log } = history();
    log.apply({
      type: 'file',
      id: 'f1',
      from: sender,
      sentAt: 1,
      name: 'a.png',
      size: PNG.byteLength,
      mimeType: 'image/png',
    });
    log.apply({ type: 'received', id: 'f1', blob: new Blob([PNG]) });
    log.dispose();
    await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(log.messages[0]!.file!.url, undefined);
  });
});

describe('ChatLog: file names are neutralised', () => {
  it('removes a right-to-left override so "invoice\\u202efdp.html" shows as a .html', async () => {
    const message = await receive('invoice\u202efdp.html', 'text/html', HTML);
    assert.equal(message.file!.name, 'invoicefdp.html');
  });

  it('removes controls, zero-width characters and path separators from received and local names', async () => {
    const { log, until } = history();
    log.apply({
      type: 'file',
      id: 'f1',
      from: sender,
      sentAt: 1,
      name: '../../etc/pass\u0000wd\u200b\u2066.txt\u2069',
      size: 1,
      mimeType: 'text/plain',
    });
    log.add({
      id: 'local-1',
      from: sender,
      isLocal: true,
      sentAt: new Date().toISOString(),
      file: { name: 'C:\\tmp\\a\u202eb\u0085.exe', size: 1, mimeType: '', progress: 0 },
    });
    const messages = await until((m) => m.length === 2);
    for (const { file } of messages) {
      // eslint-disable-next-line no-control-regex -- the point: no control character is left
      assert.doesNotMatch(file!.name, /[/\\\u0000-\u001f\u0080-\u009f\u200b\u202a-\u202e\u2066-\u2069]/u);
    }
    assert.match(messages[0]!.file!.name, /\.txt$/);
    assert.match(messages[1]!.file!.name, /\.exe$/);
  });
});

describe('chat streams (stream-inbox.ts, chatReceiver)', () => {
  type Handler = (reader: unknown, from: { identity: string }) => void;
  /** The parts of a livekit-client Room the inbox and the receiver use, with a way to deliver streams. */
  function fakeRoom() {
    const handlers = new Map<string, Handler>();
    const room = {
      getParticipantByIdentity: (identity: string) => ({ identity, name: 'Guest' }),
      on() {},
      off() {},
      registerTextStreamHandler: (topic: string, handler: Handler) => handlers.set(`text:${topic}`, handler),
      unregisterTextStreamHandler: (topic: string) => handlers.delete(`text:${topic}`),
      registerByteStreamHandler: (topic: string, handler: Handler) => handlers.set(`bytes:${topic}`, handler),
      unregisterByteStreamHandler: (topic: string) => handlers.delete(`bytes:${topic}`),
    };
    const sendFile = (name: string, mimeType: string, bytes: Uint8Array, id = 'stream-1') =>
      handlers.get('bytes:lk.chat')!(
        {
          info: { id, name, mimeType, size: bytes.byteLength, timestamp: Date.now() },
          onProgress: undefined,
          async *[Symbol.asyncIterator]() {
            yield bytes.subarray(0, 5);
            yield bytes.subarray(5);
          },
        },
        { identity: 'guest' },
      );
    /** Texts sent, with whether their stream was read to its end. */
    const texts: { id: string; readToEnd: boolean }[] = [];
    const sendText = (text: string, id: string, attachedStreamIds: string[] = []) => {
      const sent = { id, readToEnd: false };
      texts.push(sent);
      handlers.get('text:lk.chat')!(
        {
          info: { id, timestamp: Date.now(), attachedStreamIds },
          readAll: async () => ((sent.readToEnd = true), text),
          async *[Symbol.asyncIterator]() {
            yield text;
            sent.readToEnd = true;
          },
        },
        { identity: 'guest' },
      );
    };
    return { room: room as unknown as Room, handlers, sendFile, sendText, texts };
  }

  /** A receiver's loading, held until `release` (or `refuse`), and how often it was asked for. */
  function heldLoader(make: () => StreamReceiver) {
    let loads = 0;
    let release: () => void = () => {};
    let refuse: () => void = () => {};
    const load = () => {
      loads += 1;
      return new Promise<StreamReceiver>((resolve, reject) => {
        release = () => resolve(make());
        refuse = () => reject(new Error('offline'));
      });
    };
    return { load, loads: () => loads, release: () => release(), refuse: () => refuse() };
  }

  /** Once the promise work now pending is done (none of it waits on a timer or I/O). */
  const settled = () => new Promise((resolve) => setTimeout(resolve, 10));

  it('never builds a blob of the type the sender claimed (text/html arrives untyped)', async () => {
    const { room, sendFile } = fakeRoom();
    const received = new Promise<Blob>((resolve) => {
      const emit = (event: ChatEvent) => {
        if (event.type === 'received') resolve(event.blob);
      };
      openStreamInbox(room, 'lk.chat', ['text', 'bytes'], async () => chatReceiver(room, emit));
    });
    sendFile('invoice\u202efdp.html', 'text/html', HTML);
    const blob = await received;
    assert.notEqual(blob.type, 'text/html');
    assert.equal(await blob.text(), new TextDecoder().decode(HTML));
  });

  it('holds what comes before the receiver is here, fetches it once, and hands it over in order', async () => {
    const { room, sendFile, sendText } = fakeRoom();
    const events: ChatEvent[] = [];
    const loader = heldLoader(() => chatReceiver(room, (event) => events.push(event)));
    openStreamInbox(room, 'lk.chat', ['text', 'bytes'], loader.load);
    // A text names the files attached to it, whose streams follow; only in that order does it find them at once
    // (out of order, it would wait two seconds for a file that never comes).
    sendText('Look at this', 'text-1', ['file-1']);
    sendFile('photo.png', 'image/png', PNG, 'file-1');
    sendText('Hello', 'text-2');
    await settled();
    assert.equal(loader.loads(), 1);
    assert.equal(events.length, 0, 'nothing is read before the receiver is here');
    loader.release();
    await settled();
    assert.deepEqual(
      events
        .filter((event) => event.type === 'text' || event.type === 'file')
        .map((event) => event.id)
        .sort(),
      ['file-1', 'text-1', 'text-2'],
    );
    assert.ok(events.some((event) => event.type === 'received' && event.id === 'file-1'));
  });

  it('drops what came while the receiver failed to arrive, read to its end, and tries again with the next', async () => {
    const { room, sendText, texts } = fakeRoom();
    const events: ChatEvent[] = [];
    const loader = heldLoader(() => chatReceiver(room, (event) => events.push(event)));
    openStreamInbox(room, 'lk.chat', ['text', 'bytes'], loader.load);
    sendText('lost', 'text-1');
    loader.refuse();
    await settled();
    assert.deepEqual(texts, [{ id: 'text-1', readToEnd: true }], 'the SDK keeps nothing of a dropped stream');
    sendText('again', 'text-2');
    assert.equal(loader.loads(), 2);
    loader.release();
    await settled();
    assert.deepEqual(
      events.map((event) => event.id),
      ['text-2'],
    );
  });

  it('lets go of the streams when closed, even with the receiver still on its way', async () => {
    const { room, handlers, sendText } = fakeRoom();
    const events: ChatEvent[] = [];
    let stopped = false;
    const loader = heldLoader(() => ({
      ...chatReceiver(room, (event) => events.push(event)),
      stop: () => (stopped = true),
    }));
    const close = openStreamInbox(room, 'lk.chat', ['text', 'bytes'], loader.load);
    sendText('too late', 'text-1');
    close();
    assert.equal(handlers.size, 0, 'both handlers unregistered');
    loader.release();
    await settled();
    assert.ok(stopped, 'the receiver that arrived after closing was stopped');
    assert.deepEqual(events, []);
  });
});
