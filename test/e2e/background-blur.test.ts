/**
 * Background blur in real browsers against the real livekit-server and endpoint: Ada turns blur on from her camera
 * menu, and what Bo decodes of her camera loses the fine detail of the background (Chromium's fake camera draws a
 * clock in sharp digits at the top; blurred, no two neighbouring pixels there differ sharply). The processing runs on files
 * served by our own server: Ada's browser may reach nothing but loopback, and tries nothing else.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import type { Browser, ElementHandle } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;
const pages: RoomPage[] = [];
let ada: RoomPage;
let bo: RoomPage;
let roomCode: string;
/** Every request Ada's browser tried to send off loopback (each failed: see CLOSED_NETWORK). */
const offLoopback: string[] = [];
/** Every background-processing file Ada's browser fetched (from our own server). */
const assetRequests: string[] = [];
/** The raw camera's detail, as Bo decoded it before blur. */
let rawDetail: number[] = [];

/**
 * Blurred, at most this share of the raw camera's sharp background edges may be left. The raw camera keeps most of
 * them from one frame to the next (its digits change, they do not soften).
 */
const BLURRED_BELOW = 0.25;

before(async () => {
  [stack, browser] = await Promise.all([startStack({ watchFiles: false }), launchChromium()]);
});

after(async () => {
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

/**
 * A closed network for Ada: her context's proxy is a loopback port nobody listens on, so every request off loopback
 * fails (loopback itself bypasses it), and every request is watched, so an attempt shows up. Not a route per
 * request: intercepting each of the dev server's hundreds of module requests slows the page down under load.
 */
const CLOSED_NETWORK = { server: 'http://127.0.0.1:9', bypass: '127.0.0.1' };

async function joinAs(name: string, closedNetwork = false): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}/r/${roomCode}`, { width: 1100, height: 800 }, [], {
    options: closedNetwork ? { proxy: CLOSED_NETWORK } : {},
    prepare: (context) => {
      if (!closedNetwork) return;
      context.on('request', (request) => {
        const url = new URL(request.url());
        if (url.protocol === 'data:' || url.protocol === 'blob:') return;
        if (url.hostname !== '127.0.0.1') offLoopback.push(url.href);
        else if (url.pathname.includes('/mediapipe/')) assetRequests.push(url.pathname);
      });
    },
  });
  pages.push(roomPage);
  if (process.env.BLUR_DEBUG) roomPage.page.on('console', (m) => console.log(name, m.type(), m.text().slice(0, 300)));
  if (process.env.BLUR_DEBUG)
    roomPage.page.on('requestfailed', (r) => console.log(name, 'FAILED', r.url(), r.failure()?.errorText));
  await roomPage.waitForStatus('pre-join');
  await roomPage.join(name);
  await roomPage.waitForStatus('in-room');
  return roomPage;
}

/** Ada's camera as Bo's page shows it. */
async function adasVideoOnBo(): Promise<ElementHandle<HTMLVideoElement>> {
  const tile = bo.page.locator('hashdrop-participant-tile[source="camera"]', {
    has: bo.page.locator('[part="name-text"]', { hasText: 'Ada' }),
  });
  const video = tile.locator('video');
  await video.waitFor();
  return (await video.elementHandle()) as ElementHandle<HTMLVideoElement>;
}

/**
 * The fine detail of the background in one decoded frame: its top fifth, where the fake camera draws its clock and
 * two corner squares and no one could be sitting (the segmentation finds the person, if any, lower down in the
 * middle). Counted as how many horizontally neighbouring pixels differ sharply (by more than
 * `SHARP` summed over R, G and B), per thousand pixels. The fake camera's shapes, digits and corner squares have hard
 * edges; blurred, an edge spreads over many pixels and no single step stays that large. A fresh frame each time (the
 * next one the video presents).
 */
async function detail(video: ElementHandle<HTMLVideoElement>, dump?: string): Promise<number> {
  const { value, png } = await video.evaluate(async (element, wantPng) => {
    await new Promise<void>((resolve) => element.requestVideoFrameCallback(() => resolve()));
    const width = element.videoWidth;
    const height = element.videoHeight;
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.drawImage(element, 0, 0);
    const data = context.getImageData(0, 0, width, height).data;
    const band = Math.round(height / 5);
    let sharp = 0;
    for (let y = 0; y < band; y++) {
      for (let x = 0; x < width - 1; x++) {
        const i = (y * width + x) * 4;
        const step =
          Math.abs(data[i]! - data[i + 4]!) +
          Math.abs(data[i + 1]! - data[i + 5]!) +
          Math.abs(data[i + 2]! - data[i + 6]!);
        if (step > 60) sharp++;
      }
    }
    return { value: (1000 * sharp) / ((width - 1) * band), png: wantPng ? canvas.toDataURL('image/png') : null };
  }, !!dump);
  if (dump && png) writeFileSync(dump, Buffer.from(png.split(',')[1]!, 'base64'));
  return value;
}

/** Ada's own pre-join preview. */
async function adasPreview(): Promise<ElementHandle<HTMLVideoElement>> {
  const video = ada.page.locator('hashdrop-prejoin video[part="preview"]');
  await video.waitFor();
  return (await video.elementHandle()) as ElementHandle<HTMLVideoElement>;
}

async function details(count: number, what: string, video?: ElementHandle<HTMLVideoElement>): Promise<number[]> {
  video ??= await adasVideoOnBo();
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const dump = process.env.BLUR_FRAMES ? `${process.env.BLUR_FRAMES}/${what}-${i}.png` : undefined;
    values.push(await detail(video, dump));
  }
  return values;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

test('Ada (on a closed network) and Bo in a call; Bo sees Ada’s raw camera', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({ name: 'Blur', policy: { waitingRoom: false } });
  roomCode = room.code;
  ada = await joinAs('Ada', true);
  bo = await joinAs('Bo');
  // Frames with the detail of the camera itself (the first ones may still be a low simulcast layer).
  await eventually('Ada’s video decoded at full detail on Bo’s page', async () => {
    const values = await details(3, 'raw');
    return Math.min(...values) > 0 && values;
  });
  rawDetail = await details(8, 'raw');
  assert.ok(
    Math.min(...rawDetail) > BLURRED_BELOW * median(rawDetail),
    `the raw camera never passes the blur threshold (detail ${rawDetail.map((v) => v.toFixed(2)).join(', ')})`,
  );
});

test('the camera menu offers "Blur background", off, as a menuitemcheckbox', async () => {
  await ada.page.locator('hashdrop-control-bar [part~="camera-devices"]').click();
  const item = ada.page.getByRole('menuitemcheckbox', { name: 'Blur background' });
  await item.waitFor();
  assert.equal(await item.getAttribute('aria-checked'), 'false');
  assert.equal(await item.getAttribute('aria-disabled'), 'false', 'Chromium can process video');
  assert.equal(assetRequests.length, 0, 'nothing of the processing loaded before it is turned on');
});

test('with blur on, what Bo decodes of Ada’s background loses its fine detail', async () => {
  await ada.page.getByRole('menuitemcheckbox', { name: 'Blur background' }).click();
  const threshold = BLURRED_BELOW * median(rawDetail);
  const blurred = await eventually(
    'blurred frames on Bo’s page',
    async () => {
      const values = await details(5, 'blurred');
      return median(values) < threshold ? values : null;
    },
    60_000,
  );
  console.log(
    `detail raw ${rawDetail.map((v) => v.toFixed(2)).join(' ')} → blurred ${blurred.map((v) => v.toFixed(2)).join(' ')}`,
  );
  assert.equal(await ada.page.evaluate(`document.querySelector('hashdrop-room').session.snapshot.background`), 'blur');
});

test('the processing came from our own server: every asset on loopback, nothing tried elsewhere', () => {
  assert.deepEqual(offLoopback, [], 'no request left loopback');
  assert.ok(
    assetRequests.some((path) => path.endsWith('.wasm')) && assetRequests.some((path) => path.endsWith('.tflite')),
    `the WASM and the model were fetched from us (${assetRequests.join(', ')})`,
  );
});

test('the choice is remembered: Ada’s next visit starts with blur, on the pre-join choice too', async () => {
  await ada.page.reload();
  await ada.waitForStatus('pre-join');
  const select = ada.page.getByLabel('Background');
  await eventually('the pre-join choice shows blur', async () => (await select.inputValue()) === 'blur');
  assert.deepEqual(offLoopback, [], 'still nothing off loopback');
});

test('the remembered blur is on in Ada’s pre-join preview, and carries into the call: Bo never sees her raw', async () => {
  const threshold = BLURRED_BELOW * median(rawDetail);
  const preview = await adasPreview();
  await eventually(
    'a blurred preview',
    async () => (median(await details(5, 'preview', preview)) < threshold ? true : null),
    60_000,
  );
  await ada.join('Ada');
  await ada.waitForStatus('in-room');
  // Her camera is processed before it is published: not one of the first frames Bo decodes is as sharp as the raw
  // camera's (a raw frame never loses half its sharp edges; blurred, the background keeps next to none).
  const blurred = await details(5, 'rejoined');
  assert.ok(
    Math.max(...blurred) < 0.5 * median(rawDetail),
    `Bo's first frames of Ada are all blurred (detail ${blurred.map((v) => v.toFixed(2)).join(', ')})`,
  );
  console.log(`detail after rejoining: ${blurred.map((v) => v.toFixed(2)).join(' ')}`);
  assert.deepEqual(offLoopback, [], 'still nothing off loopback');
});

test('a camera first turned on in the call, blur chosen, is blurred from its first frame on', async () => {
  const threshold = 0.5 * median(rawDetail);
  await ada.page.reload();
  await ada.waitForStatus('pre-join');
  const preJoinCamera = ada.page.locator('hashdrop-prejoin [part="camera-toggle"]');
  await preJoinCamera.click();
  await eventually(
    'the pre-join camera is off',
    async () => (await preJoinCamera.getAttribute('aria-pressed')) === 'false',
  );
  await ada.join('Ada');
  await ada.waitForStatus('in-room');
  // In the call no camera of Ada's is published yet: this opens one, processed before its first frame is sent.
  await ada.page.locator('hashdrop-control-bar [part~="camera-toggle"]').click();
  const blurred = await details(5, 'turned-on');
  assert.ok(
    Math.max(...blurred) < threshold,
    `Bo's first frames of Ada's camera are all blurred (detail ${blurred.map((v) => v.toFixed(2)).join(', ')})`,
  );
  assert.deepEqual(offLoopback, [], 'still nothing off loopback');
});
