/**
 * The CDN build in Firefox ESR. That build compiles livekit-client from its TypeScript sources (see
 * scripts/livekit-from-source.ts), so the SDK a script-tag page runs is not the one the dev server and the other
 * Firefox tests run: here a Firefox guest on a CDN page calls a Chromium host on another, both ways, against the real
 * livekit-server and endpoint. Firefox matters most for that compile: it takes its own path through the SDK's browser
 * shims. The call is set up once in `before`; each check is its own test. Needs `npm run build:cdn`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser as ChromiumBrowser } from 'playwright-core';
import type { Browser as FirefoxBrowser } from 'puppeteer-core';
import { startStack, type Stack } from '../../scripts/stack.js';
import { ApiClient } from './api-client.js';
import { firefoxInboundVideo, launchFirefox, openFirefoxPage, type FirefoxRoomPage } from './firefox.js';
import { eventually, launchChromium } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage, type RoomPage } from './room-page.js';

const BUDGET = { timeout: 30_000 };

let stack: Stack;
let chromium: ChromiumBrowser;
let firefox: FirefoxBrowser;
let guest: FirefoxRoomPage;
let host: RoomPage;
/** Every script the Firefox page fetched. */
const guestScripts: string[] = [];

before(
  async () => {
    assert.ok(existsSync('dist/cdn/hashdrop.js'), 'build the CDN bundle first: npm run build:cdn');
    [stack, chromium, firefox] = await Promise.all([
      startStack({ site: 'static', staticRoot: '.' }),
      launchChromium(),
      launchFirefox(),
    ]);
    const api = new ApiClient(`${stack.url}/api`);
    const { room, hostKey } = await api.createRoom({ name: 'CDN in Firefox', policy: { waitingRoom: false } });
    const page = `${stack.url}/test/e2e/pages/cdn-room.html?room=${room.code}`;

    guest = await openFirefoxPage(firefox, 'about:blank');
    // By path: puppeteer over WebDriver BiDi cannot tell a request's resource type.
    guest.page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.endsWith('.js')) guestScripts.push(pathname);
    });
    await guest.page.goto(page);
    await guest.waitForStatus('pre-join', 30_000);
    await guest.join('Fern Firefox');
    await guest.waitForStatus('in-room', 30_000);

    host = await openPage(chromium, `${page}&host=${hostKey}`);
    await host.join('Hugo Chromium');
    await host.waitForStatus('in-room');
  },
  { timeout: 120_000 },
);

after(async () => {
  await guest?.close().catch(() => {});
  await host?.context.close().catch(() => {});
  await firefox?.close();
  await chromium?.close();
  await stack?.close();
});

test('the Firefox page ran the CDN build and its SDK chunk, nothing else', () => {
  assert.ok(
    guestScripts.some((script) => /^\/dist\/cdn\/chunks\/livekit-sdk-[\w-]+\.js$/.test(script)),
    `the SDK chunk was fetched: ${guestScripts.join(', ')}`,
  );
  for (const script of guestScripts) assert.match(script, /^\/dist\/cdn\//, `only the CDN build, not ${script}`);
});

test('Firefox decodes the Chromium host’s video', BUDGET, async () => {
  const totals = await eventually('video decoded in Firefox', async () => {
    const now = await firefoxInboundVideo(guest.page);
    return now.framesDecoded >= 10 ? now : null;
  });
  assert.ok(totals.streams >= 1);
});

test('Chromium decodes the Firefox guest’s video', BUDGET, async () => {
  const totals = await eventually('video decoded in Chromium', async () => {
    const now = await inboundTotals(host.page);
    return now.videoFramesDecoded >= 10 ? now : null;
  });
  assert.ok(totals.videoFramesDecoded >= 10);
});

test('chat crosses from Chromium to Firefox (a data stream, read by the lazily fetched chat)', BUDGET, async () => {
  await host.page.evaluate(`document.querySelector('hashdrop-room').session.sendChatMessage('Hallo Fern')`);
  const unread = await guest.find(['hashdrop-control-bar', '[part="unread"]'], { text: '1', timeoutMs: 20_000 });
  assert.ok(unread);
});

test('the Firefox page logged no console errors and no uncaught exceptions', () => {
  assert.deepEqual(guest.errors, []);
});

test('the Firefox guest leaves: the host’s call no longer shows them', BUDGET, async () => {
  await (await guest.find(['hashdrop-control-bar', 'button[part="leave"]'])).click();
  await guest.waitForStatus('ended');
  await host.page
    .locator('hashdrop-participant-tile', { has: host.page.locator('[part="name-text"]', { hasText: 'Fern Firefox' }) })
    .waitFor({ state: 'detached', timeout: 15_000 });
  assert.deepEqual(guest.errors, [], 'no console errors while leaving');
});
