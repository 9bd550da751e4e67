/**
 * A reaction sent from one browser floats over the call in two others, with the sender's name, through the real
 * endpoint (which relays it) and the real livekit-server.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/stack.js';
import { launchChromium } from './harness.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;
const pages: RoomPage[] = [];

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});

after(async () => {
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
  return roomPage;
}

test('a reaction from one browser is seen in two others, under the sender’s name', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({ name: 'Applause', policy: { waitingRoom: false } });
  const [ada, grace, linus] = await Promise.all([
    joinAs(room.code, 'Ada'),
    joinAs(room.code, 'Grace'),
    joinAs(room.code, 'Linus'),
  ]);
  await ada.page.evaluate(`document.querySelector('hashdrop-room').session.react('👏')`);
  for (const page of [grace, linus]) {
    const shown = page.page.locator('hashdrop-reactions [part="reaction"]', { hasText: '👏' });
    await shown.waitFor({ timeout: 15_000 });
    assert.equal((await shown.locator('[part="name"]').textContent())?.trim(), 'Ada');
  }
  const error = await ada.page.evaluate(`document.querySelector('hashdrop-room').session.snapshot.error`);
  assert.equal(error, null);
});
