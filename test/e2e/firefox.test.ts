/**
 * Firefox ESR (Debian's package, headless, WebDriver BiDi through puppeteer-core) in a call with Chromium, against the
 * real livekit-server and endpoint: pre-join with its device pickers; a Firefox guest knocks and a Chromium host admits
 * them; video decoded both ways; chat text and a 100 KiB file both ways; no console errors; leaving. The call is set up
 * once in `before`, each check is its own test. Times (join, admission) are logged, never asserted.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RoomServiceClient } from 'livekit-server-sdk';
import type { Browser as ChromiumBrowser } from 'playwright-core';
import type { Browser as FirefoxBrowser, ElementHandle } from 'puppeteer-core';
import { startStack, type Stack } from '../../scripts/stack.js';
import { ApiClient } from './api-client.js';
import { firefoxInboundVideo, launchFirefox, openFirefoxPage, type FirefoxRoomPage } from './firefox.js';
import { eventually, launchChromium } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage, type RoomPage } from './room-page.js';

const HOST = 'Hana Chromium';
const GUEST = 'Fiona Firefox';
const BUDGET = { timeout: 30_000 };

let stack: Stack;
let chromium: ChromiumBrowser;
let firefox: FirefoxBrowser;
const files = mkdtempSync(join(tmpdir(), 'hashdrop-firefox-'));
const chromiumPages: RoomPage[] = [];
const firefoxPages: FirefoxRoomPage[] = [];

before(
  async () => {
    const started = Date.now();
    [stack, chromium, firefox] = await Promise.all([
      startStack({ watchFiles: false }),
      launchChromium(),
      launchFirefox(),
    ]);
    console.log(`# ${await firefox.version()} and the stack up in ${Date.now() - started} ms`);
  },
  { timeout: 120_000 },
);

after(async () => {
  await Promise.all(firefoxPages.map((p) => p.close().catch(() => {})));
  await Promise.all(chromiumPages.map((p) => p.context.close().catch(() => {})));
  await firefox?.close();
  await chromium?.close();
  await stack?.close();
  rmSync(files, { recursive: true, force: true });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** In the page: the bytes behind a blob: URL, as size and SHA-256 (the page's own fetch and WebCrypto). */
const blobDigest = async (url: string) => {
  const buffer = await (await fetch(url)).arrayBuffer();
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return {
    size: buffer.byteLength,
    hash: [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
  };
};

describe('Firefox pre-join', () => {
  let page: FirefoxRoomPage;

  before(
    async () => {
      const { room } = await new ApiClient(`${stack.url}/api`).createRoom({ name: 'Firefox pre-join' });
      page = await openFirefoxPage(firefox, `${stack.url}/r/${room.code}`);
      firefoxPages.push(page);
      await page.waitForStatus('pre-join', 30_000);
    },
    { timeout: 60_000 },
  );

  test('the camera preview plays Firefox’s fake camera', BUDGET, async () => {
    const preview = await page.find(['hashdrop-prejoin', 'video[part="preview"]']);
    await page.page.waitForFunction(
      (video: Element) => (video as HTMLVideoElement).videoWidth > 0 && !(video as HTMLVideoElement).paused,
      {},
      preview,
    );
  });

  test('the device pickers list the camera and the microphone, and a pick is kept', BUDGET, async () => {
    const options = async (select: string) => {
      await page.find(['hashdrop-prejoin', `select[part="${select}"] option`]);
      const handle = await page.find(['hashdrop-prejoin', `select[part="${select}"]`]);
      const listed = await handle.evaluate((el) =>
        [...(el as HTMLSelectElement).options].map((o) => ({ value: o.value, label: o.textContent!.trim() })),
      );
      return { handle, listed };
    };
    const camera = await options('camera-select');
    const mic = await options('mic-select');
    console.log(`# Firefox lists cameras ${JSON.stringify(camera.listed)}, microphones ${JSON.stringify(mic.listed)}`);
    assert.ok(camera.listed.length >= 1 && camera.listed.every((o) => o.value && o.label), 'cameras with labels');
    assert.ok(mic.listed.length >= 1 && mic.listed.every((o) => o.value && o.label), 'microphones with labels');

    const wanted = camera.listed.at(-1)!.value;
    await camera.handle.select(wanted);
    await page.page.waitForFunction(
      (select: Element, value: string) => (select as HTMLSelectElement).value === value,
      { polling: 50 },
      camera.handle,
      wanted,
    );
    const preview = await page.find(['hashdrop-prejoin', 'video[part="preview"]']);
    await page.page.waitForFunction(
      (video: Element) => (video as HTMLVideoElement).videoWidth > 0 && !(video as HTMLVideoElement).paused,
      {},
      preview,
    );
  });
});

describe('Firefox guest, Chromium host, one call', () => {
  let host: RoomPage;
  let guest: FirefoxRoomPage;
  let roomId: string;
  const seen = { waiting: false, tokenBeforeAdmit: false, knockMs: 0, admitMs: 0 };

  before(
    async () => {
      const api = new ApiClient(`${stack.url}/api`);
      const { room, hostKey } = await api.createRoom({ name: 'Firefox call', policy: { waitingRoom: true } });
      roomId = room.id;
      host = await openPage(chromium, `${stack.url}/r/${room.code}?host=${hostKey}`);
      chromiumPages.push(host);
      await host.waitForStatus('pre-join');
      await host.join(HOST);
      await host.waitForStatus('in-room');

      guest = await openFirefoxPage(firefox, `${stack.url}/r/${room.code}`);
      firefoxPages.push(guest);
      await guest.waitForStatus('pre-join', 30_000);
      const clicked = Date.now();
      await guest.join(GUEST);
      await guest.waitForStatus('waiting');
      seen.waiting = true;
      await host.page.locator('hashdrop-host-panel [part="knock-name"]', { hasText: GUEST }).waitFor();
      seen.knockMs = Date.now() - clicked;
      seen.tokenBeforeAdmit = guest.apiBodies.some((body) => /"token"\s*:/.test(body));
      const admitted = Date.now();
      await host.page.getByRole('button', { name: `Admit ${GUEST}` }).click();
      await guest.waitForStatus('in-room');
      seen.admitMs = Date.now() - admitted;
      console.log(
        `# Firefox: Join click → knock shown to the host ${seen.knockMs} ms; Admit → in the call ${seen.admitMs} ms`,
      );

      // Both open the chat panel for the chat tests.
      await host.page.locator('[part="chat-toggle"]').first().click();
      await host.page.locator('hashdrop-chat textarea').waitFor();
      await (await guest.find(['hashdrop-control-bar', '[part="chat-toggle"]'])).click();
      await guest.find(['hashdrop-chat', 'textarea']);
    },
    { timeout: 90_000 },
  );

  test('a Firefox guest knocks and the Chromium host admits them from the waiting room', BUDGET, async () => {
    assert.ok(seen.waiting, 'the guest waited in the lobby');
    assert.equal(seen.tokenBeforeAdmit, false, 'no LiveKit token reached the guest before admission');
    assert.equal(await guest.status(), 'in-room');
  });

  test('Chromium decodes the Firefox guest’s video', BUDGET, async (t) => {
    const totals = await eventually('Chromium decoding Firefox’s video', async () => {
      const now = await inboundTotals(host.page);
      return now.videoFramesDecoded >= 10 ? now : null;
    });
    await host.page
      .locator('hashdrop-participant-tile[source="camera"]', {
        has: host.page.locator('[part="name-text"]', { hasText: GUEST }),
      })
      .locator('video[part="video"]')
      .waitFor();
    t.diagnostic(`Chromium decoded ${totals.videoFramesDecoded} frames`);
  });

  test('Firefox decodes the Chromium host’s video and plays it in the host’s tile', BUDGET, async (t) => {
    const totals = await eventually('Firefox decoding Chromium’s video', async () => {
      const now = await firefoxInboundVideo(guest.page);
      return now.framesDecoded >= 10 ? now : null;
    });
    // The tile named after the host plays a video with real frames.
    await guest.page.waitForFunction(
      (name: string) =>
        window.__hashdropDeep!(['hashdrop-participant-tile[source="camera"]']).some((tile) => {
          const label = tile.shadowRoot?.querySelector('[part="name-text"]');
          const video = tile.shadowRoot?.querySelector<HTMLVideoElement>('video[part="video"]');
          return !!label?.textContent?.includes(name) && !!video && video.videoWidth > 0 && !video.paused;
        }),
      { polling: 100, timeout: 15_000 },
      HOST,
    );
    t.diagnostic(`Firefox decoded ${totals.framesDecoded} frames`);
  });

  test('chat text from Firefox reaches Chromium exactly as typed', BUDGET, async () => {
    const text = 'Hallo aus Firefox <i>kein HTML</i> https://example.com/ff';
    const input = await guest.find(['hashdrop-chat', 'textarea']);
    await input.type(text);
    await input.press('Enter');
    const received = host.page.locator('hashdrop-chat [part~="message"]', { hasText: 'Hallo aus Firefox' });
    await received.waitFor({ timeout: 15_000 });
    assert.equal(await received.locator('[part="text"]').textContent(), text);
    assert.equal(await received.locator('[part="sender"]').textContent(), GUEST);
    assert.equal(await received.locator('i').count(), 0);
  });

  test('chat text from Chromium reaches Firefox exactly as typed', BUDGET, async () => {
    const text = 'Hello from Chromium, café ☕';
    await host.page.locator('hashdrop-chat textarea').fill(text);
    await host.page.locator('hashdrop-chat textarea').press('Enter');
    const message = await guest.find(['hashdrop-chat', '[part~="message"]'], { text: 'Hello from Chromium' });
    const shown = await message.evaluate((li) => ({
      text: li.querySelector('[part="text"]')?.textContent,
      sender: li.querySelector('[part="sender"]')?.textContent,
    }));
    assert.deepEqual(shown, { text, sender: HOST });
  });

  test('a 100 KiB file from Firefox arrives in Chromium byte for byte', BUDGET, async () => {
    const bytes = randomBytes(100 * 1024);
    const path = join(files, 'from-firefox.bin');
    writeFileSync(path, bytes);
    const input = (await guest.find(['hashdrop-chat', 'input[type="file"]'])) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(path);
    const download = host.page.locator('hashdrop-chat [part="download"]', { hasText: 'from-firefox' });
    await download.waitFor({ timeout: 20_000 });
    const got = await host.page.evaluate(blobDigest, (await download.getAttribute('href'))!);
    assert.deepEqual(got, { size: bytes.length, hash: sha256(bytes) });
  });

  test('a 100 KiB file from Chromium arrives in Firefox byte for byte', BUDGET, async () => {
    const bytes = randomBytes(100 * 1024);
    await host.page
      .locator('hashdrop-chat input[type="file"]')
      .setInputFiles({ name: 'from-chromium.bin', mimeType: 'application/octet-stream', buffer: bytes });
    const download = await guest.find(['hashdrop-chat', '[part="download"]'], {
      text: 'from-chromium',
      timeoutMs: 20_000,
    });
    const href = await download.evaluate((a) => (a as HTMLAnchorElement).href);
    const got = await guest.page.evaluate(blobDigest, href);
    assert.deepEqual(got, { size: bytes.length, hash: sha256(bytes) });
  });

  test('Firefox logged no console errors and no uncaught exceptions', BUDGET, () => {
    assert.deepEqual(guest.errors, []);
  });

  test('the Firefox guest leaves: the host’s stage and LiveKit no longer list them', BUDGET, async () => {
    await (await guest.find(['hashdrop-control-bar', 'button[part="leave"]'])).click();
    await guest.waitForStatus('ended');
    await host.page
      .locator('hashdrop-participant-tile', { has: host.page.locator('[part="name-text"]', { hasText: GUEST }) })
      .waitFor({ state: 'detached', timeout: 15_000 });
    const livekit = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
    const names = await eventually('LiveKit to list only the host', async () => {
      const listed = (await livekit.listParticipants(roomId)).map((p) => p.name);
      return listed.includes(GUEST) ? null : listed;
    });
    assert.deepEqual(names, [HOST]);
    assert.deepEqual(guest.errors, [], 'no console errors while leaving');
  });
});
