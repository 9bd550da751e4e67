/**
 * A host's decision on a knock that does not go through (here: the endpoint cannot be reached) shows the knock
 * again with the reason, so the host still sees the guest who is still waiting; deciding again lets them in.
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

async function open(path: string): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}${path}`);
  pages.push(roomPage);
  return roomPage;
}

test('a failed Admit shows the knock again with the reason; Admit again lets the guest in', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room, hostKey } = await api.createRoom({ name: 'Lobby', policy: { waitingRoom: true } });
  const host = await open(`/r/${room.code}?host=${hostKey}`);
  await host.waitForStatus('pre-join');
  await host.join('Hana Host');
  await host.waitForStatus('in-room');

  const guest = await open(`/r/${room.code}`);
  await guest.waitForStatus('pre-join');
  await guest.join('Gus Guest');
  await guest.waitForStatus('waiting');

  // The host's admit request never reaches the endpoint.
  const admitUrl = /\/api\/rooms\/[^/]+\/knocks\/[^/]+\/admit$/;
  await host.page.route(admitUrl, (route) => route.abort('connectionrefused'));
  const panel = host.page.locator('hashdrop-host-panel');
  await host.page.getByRole('button', { name: 'Admit Gus Guest' }).click();
  await panel.locator('[part~="knock-error"]').waitFor();
  assert.ok(await host.page.getByRole('button', { name: 'Admit Gus Guest' }).isVisible(), 'the knock is back');
  await panel
    .locator('[aria-live="polite"]', { hasText: 'Gus Guest is asking to join.' })
    .waitFor({ state: 'attached' });
  assert.equal(await guest.status(), 'waiting');

  await host.page.unroute(admitUrl);
  await host.page.getByRole('button', { name: 'Admit Gus Guest' }).click();
  await guest.waitForStatus('in-room');
});
