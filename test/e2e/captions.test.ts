/**
 * Captions from a transcription agent, end to end: a browser joins a call on the real livekit-server and endpoint; an
 * @livekit/rtc-node participant with an agent's token (as LiveKit's agent dispatch gives one; our endpoint never
 * signs agents) publishes `lk.transcription` text streams about the browser's microphone, and the browser shows them
 * under the speaker's name. A participant that is not an agent cannot put words under someone else's name.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Room, dispose } from '@livekit/rtc-node';
import { AccessToken, RoomServiceClient, TrackSource } from 'livekit-server-sdk';
import type { Browser } from 'playwright-core';
import type { AdmittedJoin } from '../../src/contract/index.js';
import { TRANSCRIPTION_ATTRIBUTES, TRANSCRIPTION_TOPIC } from '../../src/contract/topics.js';
import { startStack, type Stack } from '../../scripts/stack.js';
import { eventually, launchChromium } from './harness.js';
import { openPage, type RoomPage } from './room-page.js';
import { ApiClient } from './api-client.js';

let stack: Stack;
let browser: Browser;
const pages: RoomPage[] = [];
const nodeRooms: Room[] = [];

before(async () => {
  [stack, browser] = await Promise.all([startStack(), launchChromium()]);
});

after(async () => {
  await Promise.all(nodeRooms.map((room) => room.disconnect().catch(() => {})));
  await dispose();
  await Promise.all(pages.map((p) => p.context.close().catch(() => {})));
  await browser?.close();
  await stack?.close();
});

/** A room with Ada in the call from a browser, and the sid of her microphone as livekit-server knows it. */
async function callWithAda(): Promise<{ ada: RoomPage; code: string; roomName: string; micSid: string }> {
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({ name: 'Captioned', policy: { waitingRoom: false } });
  const ada = await openPage(browser, `${stack.url}/r/${room.code}`);
  pages.push(ada);
  await ada.waitForStatus('pre-join');
  await ada.join('Ada');
  await ada.waitForStatus('in-room');
  const { livekit } = stack;
  const service = new RoomServiceClient(livekit.url.replace(/^ws/, 'http'), livekit.apiKey, livekit.apiSecret);
  const micSid = await eventually('Ada’s microphone published', async () => {
    const participants = await service.listParticipants(room.id);
    const mic = participants.flatMap((p) => p.tracks).find((track) => track.source === TrackSource.MICROPHONE);
    return mic?.sid ?? null;
  });
  return { ada, code: room.code, roomName: room.id, micSid };
}

async function connect(serverUrl: string, token: string): Promise<Room> {
  const room = new Room();
  nodeRooms.push(room);
  await room.connect(serverUrl, token, { autoSubscribe: false, dynacast: false });
  return room;
}

async function agentIn(roomName: string): Promise<Room> {
  const token = new AccessToken(stack.livekit.apiKey, stack.livekit.apiSecret, { identity: 'agent-stt', ttl: '5m' });
  token.kind = 'agent';
  token.addGrant({ roomJoin: true, room: roomName, canPublish: true, canSubscribe: true, canPublishData: true });
  return connect(stack.livekit.url, await token.toJwt());
}

async function transcribe(room: Room, segmentId: string, trackSid: string | null, words: string[]): Promise<void> {
  const attributes: Record<string, string> = {
    [TRANSCRIPTION_ATTRIBUTES.segmentId]: segmentId,
    [TRANSCRIPTION_ATTRIBUTES.final]: 'true',
  };
  if (trackSid) attributes[TRANSCRIPTION_ATTRIBUTES.trackId] = trackSid;
  const writer = await room.localParticipant!.streamText({ topic: TRANSCRIPTION_TOPIC, attributes });
  for (const word of words) await writer.write(word);
  await writer.close();
}

/** Waits until the page's call knows `identity`: a transcriber speaks once it is in the call, not before. */
async function seenBy(page: RoomPage, identity: string): Promise<void> {
  await page.page.waitForFunction(
    (who) =>
      (
        document.querySelector('hashdrop-room') as unknown as {
          session: { snapshot: { participants: { identity: string }[] } };
        }
      ).session.snapshot.participants.some((p) => p.identity === who),
    identity,
    { timeout: 15_000 },
  );
}

const captionLine = (page: RoomPage, text: string) =>
  page.page.locator('hashdrop-captions [part~="line"]', { hasText: text });

test('an agent’s transcription of a participant’s microphone shows as a caption under their name', async () => {
  const { ada, roomName, micSid } = await callWithAda();
  const agent = await agentIn(roomName);
  await seenBy(ada, 'agent-stt');
  await transcribe(agent, 'seg-1', micSid, ['Hello ', 'from ', 'the call']);
  const line = captionLine(ada, 'Hello from the call');
  await line.waitFor({ timeout: 15_000 });
  assert.equal((await line.locator('[part="speaker"]').textContent())?.trim(), 'Ada (you)');
  assert.equal(await line.getAttribute('part'), 'line', 'a finished segment is final');
});

test('a participant that is not an agent captions only itself', async () => {
  const { ada, code, micSid } = await callWithAda();
  const api = new ApiClient(`${stack.url}/api`);
  const { status, body } = await api.request<AdmittedJoin>('POST', `/rooms/${code}/join`, { displayName: 'Mallory' });
  assert.equal(status, 200, JSON.stringify(body));
  const mallory = await connect(body.serverUrl, body.token);
  await seenBy(ada, body.identity);
  await transcribe(mallory, 'forged', micSid, ['Ada says something she never said']);
  await transcribe(mallory, 'own', null, ['Mallory speaking for herself']);
  const own = captionLine(ada, 'Mallory speaking for herself');
  await own.waitFor({ timeout: 15_000 });
  assert.equal((await own.locator('[part="speaker"]').textContent())?.trim(), 'Mallory');
  // The forged stream was sent first, on the same ordered channel: had it been shown, it would be there by now.
  assert.equal(await captionLine(ada, 'never said').count(), 0);
});
