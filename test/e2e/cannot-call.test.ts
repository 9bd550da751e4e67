/**
 * A browser that cannot make calls, made in Chromium by removing the APIs before the element loads (what Debian's
 * WebKitGTK is like: getUserMedia but no RTCPeerConnection): pre-join says so at once, offers no Join, and the element
 * fires `hashdrop-error` with BROWSER_UNSUPPORTED. Uses the CDN build (`npm run build:cdn`).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/stack.js';
import { launchChromium } from './harness.js';
import { openPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;
let roomCode: string;

before(async () => {
  assert.ok(existsSync('dist/cdn/hashdrop.js'), 'build the CDN bundle first: npm run build:cdn');
  [stack, browser] = await Promise.all([startStack({ site: 'static', staticRoot: '.' }), launchChromium()]);
  const api = new ApiClient(`${stack.url}/api`);
  roomCode = (await api.createRoom({ policy: { waitingRoom: false } })).room.code;
});
after(async () => {
  await browser?.close();
  await stack?.close();
});

/** Records every hashdrop-error's code, from before the element exists. */
const RECORD_ERRORS = `
  window.__errors = [];
  addEventListener('hashdrop-error', (event) => window.__errors.push(event.code), true);
`;

async function openWithout(removal: string) {
  const visitor = await openPage(browser, 'about:blank', undefined, [removal, RECORD_ERRORS]);
  await visitor.page.goto(`${stack.url}/test/e2e/pages/cdn-room.html?room=${roomCode}`);
  // Its words come with the lazily loaded strings (a rare screen keeps them out of the up-front bytes).
  const notice = visitor.page.locator('[part~="unsupported"]', { hasText: /cannot|https/ });
  await notice.waitFor({ timeout: 15_000 });
  return { visitor, notice };
}

test('without RTCPeerConnection: pre-join says the browser cannot call, offers no Join, fires BROWSER_UNSUPPORTED', async () => {
  const { visitor, notice } = await openWithout(
    'delete window.RTCPeerConnection; delete window.webkitRTCPeerConnection;',
  );
  const page = visitor.page;
  assert.match((await notice.textContent()) ?? '', /cannot make video calls.*Chrome, Edge, Firefox or Safari/);
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.equal(await page.getByRole('button', { name: 'Join', exact: true }).count(), 0);
  assert.equal(await page.locator('hashdrop-room').getAttribute('status'), 'pre-join');
  await page.waitForFunction(() => (window as unknown as { __errors: string[] }).__errors.length > 0);
  assert.deepEqual(await page.evaluate(() => (window as unknown as { __errors: string[] }).__errors), [
    'BROWSER_UNSUPPORTED',
  ]);
  // Nothing was asked of the endpoint beyond reading the room.
  assert.ok(visitor.apiBodies.every((body) => !body.includes('"token"')));
  await visitor.context.close();
});

test('without getUserMedia: pre-join says camera and microphone cannot be used here', async () => {
  const { visitor, notice } = await openWithout('if (self.MediaDevices) delete MediaDevices.prototype.getUserMedia;');
  assert.match((await notice.textContent()) ?? '', /cannot use a camera or microphone/);
  assert.equal(await visitor.page.getByRole('button', { name: 'Join', exact: true }).count(), 0);
  await visitor.context.close();
});
