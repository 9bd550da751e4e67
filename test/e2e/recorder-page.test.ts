/**
 * The recorder page (LiveKit Egress' custom template) in Chromium against the real livekit-server and endpoint: opened
 * the way Egress opens it — the endpoint's `/api/recorder/` with `url`, `token` (signed as Egress signs its recorder's:
 * hidden, subscribe-only) and `layout` — it joins a live call nobody has to let it into, shows the others' video on our
 * stage without a tile of its own, logs START_RECORDING, stays invisible to the people in the call, and logs
 * END_RECORDING when the call ends. Egress itself cannot run here; this is everything up to it.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

const RECORDER_IDENTITY = 'EG_recorder_test';

let stack: Stack;
let browser: Browser;
let livekit: RoomServiceClient;
let ada: RoomPage;
let roomId: string;
let recorderContext: BrowserContext;
let recorder: Page;
const consoleLines: string[] = [];

before(async () => {
  assert.ok(existsSync('dist/cdn/hashdrop.js'), 'the recorder page serves the CDN build: run npm run build:cdn');
  [stack, browser] = await Promise.all([
    startStack({
      watchFiles: false,
      handlerOptions: {
        recording: {
          destination: { type: 's3', bucket: 'recordings' },
          recorderPage: { url: 'http://127.0.0.1:9/api/recorder/' },
        },
      },
    }),
    launchChromium(),
  ]);
  livekit = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
});

after(async () => {
  await recorderContext?.close().catch(() => {});
  await ada?.context.close().catch(() => {});
  await browser?.close();
  await stack?.close();
});

/** The token Egress gives its recorder page (livekit/egress: hidden, subscribe-only, no data, the recorder grant). */
async function egressRecorderToken(room: string): Promise<string> {
  const token = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, {
    identity: RECORDER_IDENTITY,
    ttl: '1h',
  });
  token.addGrant({
    roomJoin: true,
    room,
    canSubscribe: true,
    canPublish: false,
    canPublishData: false,
    hidden: true,
    recorder: true,
  });
  return token.toJwt();
}

/** What the recorder's stage shows: each tile's name and whether its video has a decoded frame. */
const stageTiles = (page: Page) =>
  page.evaluate(`(() => {
    const stage = document.querySelector('hashdrop-recorder')?.shadowRoot?.querySelector('hashdrop-stage');
    return [...(stage?.shadowRoot?.querySelectorAll('hashdrop-participant-tile') ?? [])].map((tile) => {
      const video = tile.shadowRoot?.querySelector('video');
      return { identity: tile.participant?.identity ?? '', name: tile.participant?.name ?? '', frames: (video?.videoWidth ?? 0) > 0 };
    });
  })()`) as Promise<Array<{ identity: string; name: string; frames: boolean }>>;

test('a host is in a call with her camera on', async () => {
  const api = new ApiClient(`${stack.url}/api`);
  const { room, hostKey } = await api.createRoom({ name: 'Recorded', policy: { waitingRoom: true } });
  roomId = room.id;
  ada = await openPage(browser, `${stack.url}/r/${room.code}?host=${hostKey}`, { width: 1100, height: 800 });
  await ada.waitForStatus('pre-join');
  await ada.join('Ada Host');
  await ada.waitForStatus('in-room');
});

test('the recorder page, opened as Egress opens it, joins the call and logs START_RECORDING', async () => {
  recorderContext = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  recorder = await recorderContext.newPage();
  recorder.on('console', (message) => consoleLines.push(message.text()));
  recorder.on('pageerror', (error) => console.error(`[recorder page error] ${error.message}`));
  const query = new URLSearchParams({
    layout: 'speaker',
    url: stack.livekit.url,
    token: await egressRecorderToken(roomId),
  });
  // Egress appends its query to the configured URL as given; without the slash the endpoint redirects to the page.
  const response = await recorder.goto(`${stack.url}/api/recorder?${query}`);
  assert.equal(response?.status(), 200);
  assert.equal(new URL(recorder.url()).pathname, '/api/recorder/');
  await eventually('START_RECORDING on the console', async () =>
    consoleLines.includes('START_RECORDING') ? true : null,
  );
  // It joined straight in: the room has a waiting room, but the token is LiveKit's, not a guest's knock.
  assert.deepEqual(
    consoleLines.filter((line) => /_RECORDING$/.test(line)),
    ['START_RECORDING'],
  );
});

test('its stage shows the host’s video and no tile of its own', async () => {
  const tiles = await eventually('the host’s video on the recorder’s stage', async () => {
    const shown = await stageTiles(recorder);
    return shown.some((tile) => tile.name === 'Ada Host' && tile.frames) ? shown : null;
  });
  assert.equal(
    tiles.some((tile) => tile.identity === RECORDER_IDENTITY),
    false,
  );
  assert.equal(await recorder.locator('hashdrop-control-bar').count(), 0, 'no controls are recorded');
});

test('nobody in the call sees the recorder, and it sends nothing', async () => {
  const roster = (await ada.page.evaluate(
    `document.querySelector('hashdrop-room').session.snapshot.participants.map((p) => p.identity)`,
  )) as string[];
  assert.equal(roster.includes(RECORDER_IDENTITY), false, 'hidden from the roster');
  const inRoom = await livekit.listParticipants(roomId);
  const self = inRoom.find((p) => p.identity === RECORDER_IDENTITY);
  assert.ok(self, 'livekit-server has the recorder in the room');
  assert.equal(self.tracks.length, 0, 'the recorder publishes no track');
  assert.equal(self.isPublisher, false);
});

test('when the host ends the call for everyone, the recorder logs END_RECORDING and says the call ended', async () => {
  await ada.page.evaluate(`document.querySelector('hashdrop-room').session.endForAll()`);
  await eventually('END_RECORDING on the console', async () => (consoleLines.includes('END_RECORDING') ? true : null));
  const message = recorder.locator('hashdrop-recorder [part="message"]');
  await eventually('the ended message', async () =>
    ((await message.textContent()) ?? '').includes('The call has ended.') ? true : null,
  );
});
