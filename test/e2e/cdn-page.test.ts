/**
 * The script-tag promise: demo/cdn.html loads nothing but the CDN build (dist/cdn/hashdrop.js and the chunks it
 * fetches itself), and with it a visitor joins a real call on the real livekit-server. Needs `npm run build:cdn`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;

before(async () => {
  assert.ok(existsSync('dist/cdn/hashdrop.js'), 'build the CDN bundle first: npm run build:cdn');
  [stack, browser] = await Promise.all([startStack({ site: 'static', staticRoot: '.' }), launchChromium()]);
});
after(async () => {
  await browser?.close();
  await stack?.close();
});

test('a plain HTML page with only the CDN script joins a call', async (t) => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({ policy: { waitingRoom: false } });

  const scripts: string[] = [];
  const visitor = await openPage(browser, 'about:blank');
  visitor.page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await visitor.page.goto(`${stack.url}/demo/cdn.html`);
  await visitor.page.waitForFunction(() => customElements.get('hashdrop-room') !== undefined);
  await visitor.page.getByLabel('Room code').fill(room.code);
  await visitor.join('Script Tag');
  await visitor.waitForStatus('in-room');

  // A second participant, so the visitor has someone to receive video from.
  const other = await openPage(browser, `${stack.url}/demo/cdn.html`);
  await other.page.getByLabel('Room code').fill(room.code.toLowerCase());
  await other.join('Second Page');
  await other.waitForStatus('in-room');
  const totals = await eventually('video decoded on the CDN page', async () => {
    const now = await inboundTotals(visitor.page);
    return now.videoFramesDecoded >= 10 ? now : null;
  });
  t.diagnostic(`CDN page decoded ${totals.videoFramesDecoded} frames; scripts loaded: ${scripts.join(', ')}`);

  assert.ok(scripts.length > 0);
  for (const script of scripts) assert.match(script, /^\/dist\/cdn\//, `only the CDN build is loaded, not ${script}`);
  await Promise.all([visitor.context.close(), other.context.close()]);
});
