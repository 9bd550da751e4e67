/**
 * An admitted guest publishes the camera and microphone it opened on the pre-join screen: no second getUserMedia after
 * the host's Admit, and the tracks the call sends are the very tracks the preview showed. While it waits, the guest
 * keeps them open but sends nothing (no peer connection exists before the token).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;
const pages: RoomPage[] = [];

/** Records every getUserMedia call and the ids of the tracks it returned. */
const CAPTURE_PROBE = `(() => {
  const calls = [];
  window.__captures = calls;
  const devices = navigator.mediaDevices;
  const original = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    calls.push(stream.getTracks().map((track) => track.id));
    return stream;
  };
})();`;

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});

after(async () => {
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

async function open(path: string, initScripts: string[] = []): Promise<RoomPage> {
  const roomPage = await openPage(browser, `${stack.url}${path}`, undefined, initScripts);
  pages.push(roomPage);
  return roomPage;
}

const captures = (guest: RoomPage) =>
  guest.page.evaluate(() => (window as unknown as { __captures: string[][] }).__captures);

/** Ids of the tracks the guest's peer connections send. */
const sentTrackIds = (guest: RoomPage) =>
  guest.page.evaluate(() =>
    (window.__hashdropPeerConnections ?? []).flatMap((connection) =>
      connection
        .getSenders()
        .map((sender) => sender.track?.id)
        .filter((id): id is string => !!id),
    ),
  );

test('an admitted guest publishes the preview’s camera and microphone without opening them again', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room, hostKey } = await api.createRoom({ name: 'Lobby', policy: { waitingRoom: true } });
  const host = await open(`/r/${room.code}?host=${hostKey}`);
  await host.waitForStatus('pre-join');
  await host.join('Hana Host');
  await host.waitForStatus('in-room');

  const guest = await open(`/r/${room.code}`, [CAPTURE_PROBE]);
  await guest.waitForStatus('pre-join');
  await guest.join('Gus Guest');
  await guest.waitForStatus('waiting');
  const whileWaiting = await captures(guest);
  assert.ok(whileWaiting.length > 0, 'the preview opened the devices on the pre-join screen');
  const previewTracks = whileWaiting.at(-1)!;
  assert.equal(previewTracks.length, 2, 'camera and microphone are open while the guest waits');
  assert.deepEqual(await sentTrackIds(guest), [], 'nothing is sent while waiting');

  await host.page.getByRole('button', { name: 'Admit Gus Guest' }).click();
  await guest.waitForStatus('in-room');
  const sent = await eventually('camera and microphone published', async () => {
    const ids = await sentTrackIds(guest);
    return ids.length >= 2 ? ids : null;
  });
  assert.deepEqual(await captures(guest), whileWaiting, 'no getUserMedia after the Admit');
  assert.deepEqual([...sent].sort(), [...previewTracks].sort(), 'the call sends the preview’s own tracks');
});
