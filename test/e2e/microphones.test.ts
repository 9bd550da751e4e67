/**
 * Mute all and ask to unmute in real browsers against the real livekit-server and endpoint: a host and two guests
 * with their microphones on. Mute all mutes every microphone but the host's on the server and each guest's toggle
 * follows; a request to unmute shows on the page of the person asked (only there), turns nothing on by itself, and
 * their Unmute turns the microphone back on.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;
let livekit: RoomServiceClient;
const pages: RoomPage[] = [];
let roomId: string;
let host: RoomPage;
let ada: RoomPage;
let bo: RoomPage;

before(async () => {
  [stack, browser] = await Promise.all([startStack({ watchFiles: false }), launchChromium()]);
  livekit = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
});

after(async () => {
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

async function joinAs(path: string, name: string): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}${path}`, { width: 1100, height: 800 });
  pages.push(roomPage);
  await roomPage.waitForStatus('pre-join');
  await roomPage.join(name);
  await roomPage.waitForStatus('in-room');
  return roomPage;
}

const identityOf = async (p: RoomPage) =>
  (await p.page.evaluate(`document.querySelector('hashdrop-room').session.snapshot.identity`)) as string;
const micToggle = (p: RoomPage) => p.page.locator('hashdrop-control-bar [part~="mic-toggle"]');
const request = (p: RoomPage) => p.page.locator('hashdrop-unmute-request [part="base"]');

/** Whether `page`'s microphone is muted on the server (null: no microphone published). */
async function serverMuted(p: RoomPage): Promise<boolean | null> {
  const info = await livekit.getParticipant(roomId, await identityOf(p));
  const microphone = info.tracks.find((track) => track.source === TrackSource.MICROPHONE);
  return microphone ? microphone.muted : null;
}

test('three people in a call with their microphones on', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room, hostKey } = await api.createRoom({ name: 'Microphones', policy: { waitingRoom: false } });
  roomId = room.id;
  host = await joinAs(`/r/${room.code}?host=${hostKey}`, 'Hana Host');
  [ada, bo] = await Promise.all([joinAs(`/r/${room.code}`, 'Ada'), joinAs(`/r/${room.code}`, 'Bo')]);
  for (const p of [host, ada, bo]) {
    await eventually('a live microphone on the server', async () => ((await serverMuted(p)) === false ? true : null));
  }
});

test('mute all: every microphone but the host’s is muted on the server, and each toggle follows', async () => {
  await host.page.locator('hashdrop-host-panel [part="mute-all"]').click();
  for (const p of [ada, bo]) {
    await eventually('muted on the server', async () => ((await serverMuted(p)) === true ? true : null));
    await eventually('the toggle says off', async () =>
      (await micToggle(p).getAttribute('aria-pressed')) === 'false' ? true : null,
    );
  }
  assert.equal(await serverMuted(host), false, 'the host keeps their microphone');
});

test('ask to unmute: only Ada sees it, nothing turns on until she accepts, then her microphone is on', async () => {
  const adaRow = host.page.locator('hashdrop-host-panel [part="person"]', { hasText: 'Ada' });
  await adaRow.locator('[part~="action-ask-to-unmute"]').click();
  await request(ada).waitFor();
  assert.equal(await request(bo).count(), 0, 'Bo was not asked');
  assert.equal(await serverMuted(ada), true, 'asking turns nothing on');
  await request(ada).locator('[part="accept"]').click();
  await eventually('unmuted on the server', async () => ((await serverMuted(ada)) === false ? true : null));
  assert.equal(await micToggle(ada).getAttribute('aria-pressed'), 'true');
  await request(ada).waitFor({ state: 'detached' });
  assert.equal(await serverMuted(bo), true, 'Bo stays muted');
});
