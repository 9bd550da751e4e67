/**
 * In-call chat in real browsers against the real livekit-server and endpoint: a text and a file (bytes compared by
 * SHA-256) travel between two browsers, and a non-browser LiveKit client (@livekit/rtc-node) writes on `lk.chat` with
 * its own text-stream API and the widget shows it — so the chat is LiveKit's chat, not a private protocol.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { Room, dispose } from '@livekit/rtc-node';
import type { Browser } from 'playwright-core';
import type { AdmittedJoin } from '../../src/contract/index.js';
import { CHAT_TOPIC } from '../../src/contract/topics.js';
import { startStack, type Stack } from '../../scripts/stack.js';
import { launchChromium } from './harness.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;
const pages: RoomPage[] = [];
const nodeRooms: Room[] = [];

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});

after(async () => {
  await Promise.all(nodeRooms.map((room) => room.disconnect().catch(() => {})));
  await dispose();
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

async function joinAs(code: string, name: string): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}/r/${code}`);
  pages.push(roomPage);
  await roomPage.waitForStatus('pre-join');
  await roomPage.join(name);
  await roomPage.waitForStatus('in-room');
  // Open the chat panel.
  await roomPage.page.locator('[part="chat-toggle"]').first().click();
  await roomPage.page.locator('hashdrop-chat textarea').waitFor();
  return roomPage;
}

const messageIn = (roomPage: RoomPage, text: string) =>
  roomPage.page.locator('hashdrop-chat [part~="message"]', { hasText: text });

test('a text message and a file travel between two browsers; an rtc-node client chats on lk.chat', async (t) => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({ name: 'Chat room', policy: { waitingRoom: false } });
  const [alice, bob] = await Promise.all([joinAs(room.code, 'Alice Chat'), joinAs(room.code, 'Bob Chat')]);

  // Text, with HTML that must stay text.
  const textarea = alice.page.locator('hashdrop-chat textarea');
  await textarea.fill('Hello Bob <b>not bold</b> https://example.com/x');
  await textarea.press('Enter');
  const received = messageIn(bob, 'Hello Bob');
  await received.waitFor({ timeout: 15_000 });
  assert.equal(await received.locator('[part="sender"]').textContent(), 'Alice Chat');
  assert.equal(await received.locator('b').count(), 0, 'HTML in a message is not rendered');
  assert.equal(await received.locator('a[part="link"]').getAttribute('href'), 'https://example.com/x');
  await messageIn(alice, 'Hello Bob').waitFor();

  // A file of random bytes, chosen through the chat's file input.
  const bytes = randomBytes(200 * 1024);
  const sent = createHash('sha256').update(bytes).digest('hex');
  await alice.page
    .locator('hashdrop-chat input[type="file"]')
    .setInputFiles({ name: 'random.bin', mimeType: 'application/octet-stream', buffer: bytes });
  const download = bob.page.locator('hashdrop-chat [part="download"]', { hasText: 'random.bin' });
  await download.waitFor({ timeout: 30_000 });
  const href = (await download.getAttribute('href'))!;
  assert.match(href, /^blob:/);
  const got = await bob.page.evaluate(async (url) => {
    const buffer = await (await fetch(url)).arrayBuffer();
    const digest = await crypto.subtle.digest('SHA-256', buffer);
    return {
      size: buffer.byteLength,
      hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
    };
  }, href);
  assert.equal(got.size, bytes.length);
  assert.equal(got.hash, sent, 'the received file has the sent bytes');
  // The sender sees its own file as shared (download link, no error).
  await alice.page.locator('hashdrop-chat [part="download"]', { hasText: 'random.bin' }).waitFor();

  // A non-browser LiveKit SDK, with a token from the endpoint's join route.
  const nodeApi = new ApiClient(`${stack.url}/api`);
  const { status, body } = await nodeApi.request<AdmittedJoin>('POST', `/rooms/${room.code}/join`, {
    displayName: 'Node Bot',
  });
  assert.equal(status, 200, JSON.stringify(body));
  const nodeRoom = new Room();
  nodeRooms.push(nodeRoom);
  await nodeRoom.connect(body.serverUrl, body.token, { autoSubscribe: false, dynacast: false });
  await nodeRoom.localParticipant!.sendText('Beep from rtc-node', { topic: CHAT_TOPIC });
  const fromNode = messageIn(alice, 'Beep from rtc-node');
  await fromNode.waitFor({ timeout: 15_000 });
  // By name, not identity: the message can arrive before the roster has the bot, and the name follows the roster.
  await fromNode.locator('[part="sender"]', { hasText: /^Node Bot$/ }).waitFor({ timeout: 15_000 });
  await messageIn(bob, 'Beep from rtc-node').waitFor({ timeout: 15_000 });
  t.diagnostic(`file of ${bytes.length} bytes matched (sha256 ${sent.slice(0, 12)}…)`);
  await nodeRoom.disconnect();
});

test('a file from an rtc-node client never becomes active content: HTML and SVG download as octet-stream, names are neutralised', async (t) => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({ name: 'Hostile files', policy: { waitingRoom: false } });
  const victim = await joinAs(room.code, 'Victim');

  const { status, body } = await new ApiClient(`${stack.url}/api`).request<AdmittedJoin>(
    'POST',
    `/rooms/${room.code}/join`,
    { displayName: 'Mallory' },
  );
  assert.equal(status, 200, JSON.stringify(body));
  const mallory = new Room();
  nodeRooms.push(mallory);
  await mallory.connect(body.serverUrl, body.token, { autoSubscribe: false, dynacast: false });
  const sendBytes = async (name: string, mimeType: string, bytes: Uint8Array) => {
    const writer = await mallory.localParticipant!.streamBytes({
      name,
      topic: CHAT_TOPIC,
      mimeType,
      totalSize: bytes.byteLength,
    });
    await writer.write(bytes);
    await writer.close();
  };
  const html = '<!doctype html><script>parent.__pwned = localStorage.length + 1</script><p>invoice</p>';
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="parent.__pwned = 2"><rect width="9" height="9"/></svg>';
  // A real 1×1 PNG: the allowed kind of preview still works.
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  );
  await sendBytes('invoice\u202efdp.html', 'text/html', new TextEncoder().encode(html));
  await sendBytes('logo.svg', 'image/svg+xml', new TextEncoder().encode(svg));
  await sendBytes('dot.png', 'image/png', png);

  const files = victim.page.locator('hashdrop-chat [part="file"]');
  const download = (name: string) => victim.page.locator('hashdrop-chat [part="download"]', { hasText: name });
  await Promise.all(['.html', 'logo', 'dot'].map((name) => download(name).waitFor({ timeout: 30_000 })));
  assert.equal(await files.count(), 3);

  /** What the page sees of a download link: its blob's type, and what the chat shows. */
  const inspect = (name: string) =>
    download(name).evaluate(async (a: HTMLAnchorElement) => {
      const blob = await (await fetch(a.href)).blob();
      return {
        type: blob.type,
        shown: a.textContent!.trim(),
        download: a.getAttribute('download'),
        rel: a.rel,
        extension: a.querySelector('.file-extension')?.textContent ?? null,
        previews: a.closest('[part="file"]')!.querySelectorAll('img').length,
      };
    });

  const page = await inspect('.html');
  assert.equal(page.type, 'application/octet-stream', 'the HTML file is not typed text/html');
  assert.equal(page.previews, 0);
  assert.doesNotMatch(page.shown, /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/u, 'no bidi control is shown');
  assert.ok(page.shown.endsWith('.html'), `the real extension is shown: ${page.shown}`);
  assert.equal(page.extension, '.html');
  assert.equal(page.download, 'invoicefdp.html');
  assert.match(page.rel, /\bnoopener\b/);

  const image = await inspect('logo');
  assert.equal(image.type, 'application/octet-stream', 'an SVG is never typed image/svg+xml');
  assert.equal(image.previews, 0, 'an SVG is never previewed');

  const dot = await inspect('dot');
  assert.equal(dot.type, 'image/png');
  assert.equal(dot.previews, 1, 'a real PNG is still previewed');

  // Loaded in a frame of the page (what "open in new tab" would do, same origin), neither file runs its script.
  const ran = await victim.page.evaluate(
    async (hrefs) => {
      for (const href of hrefs) {
        const frame = document.createElement('iframe');
        frame.src = href;
        document.body.append(frame);
        await new Promise((resolve) => setTimeout(resolve, 500));
        frame.remove();
      }
      return (window as { __pwned?: number }).__pwned ?? null;
    },
    await Promise.all(['.html', 'logo'].map(async (name) => (await download(name).getAttribute('href'))!)),
  );
  assert.equal(ran, null, 'no script from a received file ran on the page');
  t.diagnostic(`shown as ${JSON.stringify(page.shown)}, blob types ${page.type} / ${image.type} / ${dot.type}`);
  await mallory.disconnect();
});
