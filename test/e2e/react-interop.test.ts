/**
 * `<hashdrop-room>` beside LiveKit's own maintained React components (`LiveKitRoom` + `VideoConference`, whose chat is
 * the prefab `Chat`) and an `@livekit/rtc-node` client, in one room of the real livekit-server, every one with a
 * token from our endpoint: video both ways, chat text both ways, files both ways (LiveKit's chat shows files only as
 * attachments of a message), and a file from our chat still read by a plain SDK as a byte stream on `lk.chat`. The
 * call is set up once in `before`; each check is its own test.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Room, dispose, type ByteStreamReader } from '@livekit/rtc-node';
import { build } from 'esbuild';
import type { Browser, Locator } from 'playwright-core';
import type { AdmittedJoin } from '../../src/contract/index.js';
import { CHAT_TOPIC } from '../../src/contract/topics.js';
import { startStack, type Stack } from '../../scripts/stack.js';
import { ApiClient } from './api-client.js';
import { eventually, launchChromium } from './harness.js';
import { describeLiveKitReact, livekitReactVersions } from './react-interop-peer.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage, type RoomPage } from './room-page.js';

const OURS = 'Ada Hashdrop';
const THEIRS = 'Rex React';
const BUDGET = { timeout: 30_000 };
/** A real 1×1 PNG: LiveKit's chat shows image attachments inline, so this one must decode there. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

/** LiveKit's React page, bundled by esbuild (JS and the components' CSS) and served beside the demo. */
async function buildReactPage(): Promise<Record<string, { body: string; type: string }>> {
  const result = await build({
    entryPoints: { app: new URL('./pages/livekit-react-chat.tsx', import.meta.url).pathname },
    bundle: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    outdir: '/react-peer',
    write: false,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const file = (ext: string) => result.outputFiles.find((f) => f.path.endsWith(ext))!.text;
  return {
    '/react-peer/': {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LiveKit React peer</title>
        <link rel="stylesheet" href="/react-peer/app.css"><script type="module" src="/react-peer/app.js"></script>
        </head><body data-lk-theme="default" style="margin:0"><div id="app"></div></body></html>`,
    },
    '/react-peer/app.js': { type: 'text/javascript; charset=utf-8', body: file('.js') },
    '/react-peer/app.css': { type: 'text/css; charset=utf-8', body: file('.css') },
  };
}

interface NodeFile {
  name: string;
  mimeType: string;
  hash: string;
  size: number;
}

let stack: Stack;
let browser: Browser;
let ours: RoomPage;
let theirs: RoomPage;
let nodeRoom: Room;
const nodeFiles: NodeFile[] = [];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

before(
  async () => {
    let pages: Record<string, { body: string; type: string }> = {};
    [stack, browser, pages] = await Promise.all([
      startStack({
        watchFiles: false,
        extraRoutes: (request, response) => {
          const route = pages[new URL(request.url ?? '/', 'http://x').pathname];
          if (!route) return false;
          response.writeHead(200, { 'content-type': route.type }).end(route.body);
          return true;
        },
      }),
      launchChromium(),
      buildReactPage(),
    ]);
    console.log(`# peer: ${describeLiveKitReact()}`);
    const api = new ApiClient(`${stack.url}/api`);
    const { room } = await api.createRoom({ name: 'React interop', policy: { waitingRoom: false } });
    const token = async (displayName: string) => {
      const { status, body } = await new ApiClient(`${stack.url}/api`).request<AdmittedJoin>(
        'POST',
        `/rooms/${room.code}/join`,
        { displayName },
      );
      assert.equal(status, 200, JSON.stringify(body));
      return body;
    };

    ours = await openPage(browser, `${stack.url}/r/${room.code}`);
    await ours.waitForStatus('pre-join');
    await ours.join(OURS);
    await ours.waitForStatus('in-room');
    await ours.page.locator('[part="chat-toggle"]').first().click();
    await ours.page.locator('hashdrop-chat textarea').waitFor();

    const joinTheirs = await token(THEIRS);
    const query = new URLSearchParams({ url: joinTheirs.serverUrl, token: joinTheirs.token });
    theirs = await openPage(browser, `${stack.url}/react-peer/?${query}`);
    await theirs.page.locator('.lk-video-conference').waitFor();
    await theirs.page.locator('.lk-control-bar .lk-chat-toggle').click();
    await theirs.page.locator('.lk-chat-form-input').waitFor();
    await theirs.page.waitForFunction(() => typeof window.__lkSendWithFiles === 'function');

    // A plain SDK that keeps every file it receives on lk.chat.
    const joinNode = await token('Node Reader');
    nodeRoom = new Room();
    nodeRoom.registerByteStreamHandler(CHAT_TOPIC, (reader: ByteStreamReader) => {
      const { name, mimeType } = reader.info;
      void reader.readAll().then((chunks) => {
        const bytes = Buffer.concat(chunks);
        nodeFiles.push({ name, mimeType, hash: sha256(bytes), size: bytes.length });
      });
    });
    // Texts are read too (a plain SDK sees a file's message as text plus the file), so none goes unhandled.
    nodeRoom.registerTextStreamHandler(CHAT_TOPIC, (reader) => void reader.readAll().catch(() => {}));
    await nodeRoom.connect(joinNode.serverUrl, joinNode.token, { autoSubscribe: false, dynacast: false });
  },
  { timeout: 120_000 },
);

after(async () => {
  await nodeRoom?.disconnect().catch(() => {});
  await dispose();
  await Promise.all([ours, theirs].map((p) => p?.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

/** A message in LiveKit's React chat whose body is exactly `text`. */
const theirEntry = (text: string): Locator =>
  theirs.page.locator('.lk-chat-entry', {
    has: theirs.page.locator('.lk-message-body', {
      hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    }),
  });
const ourMessage = (text: string): Locator => ours.page.locator('hashdrop-chat [part~="message"]', { hasText: text });

test('the peer is LiveKit’s maintained React line (components-react 2.9.x on components-core ≥ 0.12)', () => {
  const versions = livekitReactVersions();
  assert.match(versions.componentsReact, /^2\.9\.\d+$/);
  const [major, minor] = versions.componentsCore.split('.').map(Number);
  assert.ok(major! > 0 || minor! >= 12, `components-core ${versions.componentsCore} speaks lk.chat streams`);
});

test('video flows both ways between <hashdrop-room> and LiveKit React', BUDGET, async (t) => {
  for (const [name, page] of [
    [OURS, ours],
    [THEIRS, theirs],
  ] as const) {
    const totals = await eventually(`${name} decoding remote video`, async () => {
      const now = await inboundTotals(page.page);
      return now.videoFramesDecoded >= 10 ? now : null;
    });
    t.diagnostic(`${name} decoded ${totals.videoFramesDecoded} frames`);
  }
});

test('text from LiveKit React’s chat shows in <hashdrop-chat>, exactly', BUDGET, async () => {
  const text = 'Hi from the React prefab, <b>plain</b> text';
  await theirs.page.locator('.lk-chat-form-input').fill(text);
  await theirs.page.locator('.lk-chat-form-button').click();
  const message = ourMessage('Hi from the React prefab');
  await message.waitFor({ timeout: 15_000 });
  assert.equal(await message.locator('[part="text"]').textContent(), text);
  assert.equal(await message.locator('[part="sender"]').textContent(), THEIRS);
});

test('text from <hashdrop-chat> shows in LiveKit React’s chat, exactly', BUDGET, async () => {
  const text = 'Hello React, from hashdrop ✓';
  await ours.page.locator('hashdrop-chat textarea').fill(text);
  await ours.page.locator('hashdrop-chat textarea').press('Enter');
  const entry = theirEntry(text);
  await entry.waitFor({ timeout: 15_000 });
  assert.equal(await entry.getAttribute('data-lk-message-origin'), 'remote');
  assert.equal(await entry.locator('.lk-participant-name').textContent(), OURS);
});

test('a file from <hashdrop-chat> shows in LiveKit React’s chat: by name, an image inline', BUDGET, async () => {
  await ours.page
    .locator('hashdrop-chat input[type="file"]')
    .setInputFiles({ name: 'dot.png', mimeType: 'image/png', buffer: PNG });
  const entry = theirEntry('dot.png');
  await entry.waitFor({ timeout: 15_000 });
  const image = entry.locator('.lk-message-attachements img[alt="dot.png"]');
  await image.waitFor();
  assert.equal(
    await image.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return img.naturalWidth;
    }),
    1,
    'the image decodes in their chat',
  );

  await ours.page
    .locator('hashdrop-chat input[type="file"]')
    .setInputFiles({ name: 'notes.bin', mimeType: 'application/octet-stream', buffer: randomBytes(2048) });
  await theirEntry('notes.bin').waitFor({ timeout: 15_000 });
});

test(
  'a file from <hashdrop-chat> reaches an rtc-node client as a byte stream on lk.chat, byte for byte',
  BUDGET,
  async () => {
    const bytes = randomBytes(64 * 1024);
    await ours.page
      .locator('hashdrop-chat input[type="file"]')
      .setInputFiles({ name: 'for-node.bin', mimeType: 'application/octet-stream', buffer: bytes });
    const got = await eventually('the file at the rtc-node client', async () =>
      nodeFiles.find((file) => file.name === 'for-node.bin'),
    );
    assert.deepEqual(got, {
      name: 'for-node.bin',
      mimeType: 'application/octet-stream',
      hash: sha256(bytes),
      size: bytes.length,
    });
  },
);

test(
  'a message with a file from LiveKit React shows in <hashdrop-chat>: its text, and the file to download',
  BUDGET,
  async () => {
    await theirs.page.evaluate(
      async (bytes) =>
        window.__lkSendWithFiles!('Look at this', [
          new File([new Uint8Array(bytes)], 'photo.png', { type: 'image/png' }),
        ]),
      [...PNG],
    );
    await ourMessage('Look at this').locator('[part="text"]').waitFor({ timeout: 15_000 });
    const file = ours.page.locator('hashdrop-chat [part="file"]', { hasText: 'photo' });
    await file.locator('[part="download"]').waitFor({ timeout: 15_000 });
    assert.equal(await file.locator('img[part="preview"]').count(), 1, 'the PNG is previewed');
  },
);

test(
  'a file whose message text is just its name shows once in <hashdrop-chat>, not also as a text',
  BUDGET,
  async () => {
    await theirs.page.evaluate(
      async (bytes) =>
        window.__lkSendWithFiles!('diagram.png', [
          new File([new Uint8Array(bytes)], 'diagram.png', { type: 'image/png' }),
        ]),
      [...PNG],
    );
    // A later message marks the point by which the caption would have shown.
    await theirs.page.locator('.lk-chat-form-input').fill('after the diagram');
    await theirs.page.locator('.lk-chat-form-button').click();
    await ourMessage('after the diagram').waitFor({ timeout: 15_000 });
    await ours.page.locator('hashdrop-chat [part="download"]', { hasText: 'diagram' }).waitFor();
    const texts = await ours.page.locator('hashdrop-chat [part="text"]').allTextContents();
    assert.ok(!texts.includes('diagram.png'), `no text message repeats the file name: ${JSON.stringify(texts)}`);
  },
);
