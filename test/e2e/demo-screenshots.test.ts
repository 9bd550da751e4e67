/**
 * The README's screenshots, taken from the demo as a visitor uses it: a host creates a room on the home page, a guest
 * on a phone types the code, knocks, is admitted, and both see each other's video; plus the embed builder. The files
 * are written only after every step passed, to .cache/screenshots by default, or to docs/screenshots (the committed
 * ones the README shows) with `npm run screenshots`, so an ordinary test run leaves the tree unchanged.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOM_CODE_PATTERN } from '../../src/contract/index.js';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { inboundTotals } from './rtc-probe.js';
import { openPage, type RoomPage } from './room-page.js';

const OUT_DIR = process.env.SCREENSHOTS_DIR ?? '.cache/screenshots';
const PHONE = { width: 390, height: 844 };
/** Generous for a 1280×800 JPEG of a call; a much bigger file means a wrong format or size. */
const MAX_BYTES = 400_000;

let stack: Stack;
let browser: Browser;
const pages: RoomPage[] = [];

before(async () => {
  [stack, browser] = await Promise.all([startStack({ watchFiles: false }), launchChromium()]);
});

after(async () => {
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

async function open(path: string, viewport?: { width: number; height: number }): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}${path}`, viewport);
  pages.push(roomPage);
  return roomPage;
}

async function decodesVideo(roomPage: RoomPage): Promise<void> {
  await eventually(
    'remote video frames decoded',
    async () => (await inboundTotals(roomPage.page)).videoFramesDecoded >= 10,
    30_000,
  );
}

/** Waits until the page's first video element (the camera preview) shows frames, so a screenshot is not blank. */
async function previewPlays(page: Page): Promise<void> {
  await eventually('the camera preview plays', () =>
    page
      .locator('video')
      .first()
      .evaluate((video) => (video as HTMLVideoElement).readyState >= 2),
  );
}

/** Pages with camera video as JPEG (small), plain UI as PNG (crisp text). */
const shot = (page: Page, format: 'png' | 'jpeg', fullPage = false) =>
  page.screenshot(format === 'jpeg' ? { type: 'jpeg', quality: 80, fullPage } : { type: 'png', fullPage });

test('the demo from home page to a call, and the embed builder, as the README shows them', async () => {
  const files: Record<string, Buffer> = {};

  const host = await open('/');
  await host.page.getByRole('heading', { name: 'Video rooms for any web page' }).waitFor();
  await host.page.getByLabel('Room code or invite link').waitFor();
  files['home.png'] = await shot(host.page, 'png');

  await host.page.getByRole('button', { name: 'Create room' }).click();
  await host.waitForStatus('pre-join');
  const code = new URL(host.page.url()).pathname.split('/r/')[1] ?? '';
  assert.match(code, ROOM_CODE_PATTERN);
  await host.page.getByLabel('Your name').fill('Hana Host');
  await previewPlays(host.page);
  files['pre-join.jpg'] = await shot(host.page, 'jpeg');
  await host.page.getByRole('button', { name: 'Join', exact: true }).click();
  await host.waitForStatus('in-room');

  // The guest is on a phone and types the code on the home page.
  const guest = await open('/', PHONE);
  await guest.page.getByLabel('Room code or invite link').fill(code.toLowerCase().replace('-', ' '));
  await guest.page.getByLabel('Room code or invite link').press('Enter');
  await guest.page.waitForURL(`**/r/${code}`);
  await guest.waitForStatus('pre-join');
  await guest.join('Gus Guest');
  await guest.waitForStatus('waiting');
  const admit = host.page.getByRole('button', { name: 'Admit Gus Guest' });
  await admit.waitFor();
  files['waiting-room.jpg'] = await shot(host.page, 'jpeg');

  await admit.click();
  await guest.waitForStatus('in-room');
  await Promise.all([decodesVideo(host), decodesVideo(guest)]);
  files['in-call-desktop.jpg'] = await shot(host.page, 'jpeg');
  files['in-call-phone.jpg'] = await shot(guest.page, 'jpeg');

  const builder = await open('/embed');
  await builder.page.getByLabel('Theme').selectOption('dark');
  await builder.page.getByRole('button', { name: 'Create room' }).click();
  await builder.page.getByRole('status').filter({ hasText: 'is ready' }).waitFor();
  await builder.waitForStatus('pre-join');
  await previewPlays(builder.page);
  files['embed-builder.png'] = await shot(builder.page, 'png', true);

  for (const [name, bytes] of Object.entries(files)) {
    assert.ok(bytes.length > 5_000 && bytes.length < MAX_BYTES, `${name} is ${bytes.length} bytes`);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(OUT_DIR, name), bytes);
});
