/**
 * A town hall: an audio-only stage with one host and 150 listeners, every listener joined through the endpoint (its
 * own identity and token, seated as audience), holds for a minute with no disconnects. The stage's cap (hosts and
 * speakers) and the audience's are apart, and the LiveKit room's cap is their sum. Listeners are @livekit/rtc-node
 * clients in a process of their own; only a few subscribe to the host's audio, so it stays cheap on 2 cores. Join
 * rate and CPU figures for such a stage belong in `npm run bench`.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { dispose } from '@livekit/rtc-node';
import { RoomServiceClient } from 'livekit-server-sdk';
import { startStack, type Stack } from '../../scripts/stack.js';
import { ApiClient } from './api-client.js';
import { eventually } from './harness.js';
import { startListeners, type Listeners } from './listeners.js';
import { startStageHost, type StageHost } from './stage-host.js';

const LISTENERS = 150;
const STAGE = 4;
const SUBSCRIBERS = 3;
const HOLD_MS = 60_000;

let stack: Stack;
let livekit: RoomServiceClient;
let roomId: string;
let host: StageHost | undefined;
let listeners: Listeners | undefined;

before(async () => {
  // 150 anonymous identities from one address would pass the per-IP creation limit, which is not under test here.
  stack = await startStack({ site: 'none', handlerOptions: { rateLimit: false } });
  livekit = new RoomServiceClient(stack.livekit.httpUrl, stack.livekit.apiKey, stack.livekit.apiSecret);
  const api = new ApiClient(`${stack.url}/api`);
  const { room } = await api.createRoom({
    name: 'Town hall',
    policy: { waitingRoom: false, stageMode: true, audioOnly: true, maxParticipants: STAGE, maxAudience: LISTENERS },
  });
  roomId = room.id;
  host = await startStageHost(api, roomId);
  listeners = await startListeners({
    endpoint: `${stack.url}/api`,
    room: roomId,
    count: LISTENERS,
    subscribers: SUBSCRIBERS,
  });
});

after(async () => {
  await listeners?.stop();
  await host?.stop();
  await stack?.close();
  await dispose();
});

test(`the LiveKit room holds the stage plus the audience (${STAGE} + ${LISTENERS})`, async () => {
  const [room] = await livekit.listRooms([roomId]);
  assert.equal(room?.maxParticipants, STAGE + LISTENERS);
});

test(`all ${LISTENERS} listeners are in the call as audience, with the host`, async () => {
  const participants = await livekit.listParticipants(roomId);
  assert.equal(participants.length, LISTENERS + 1);
  const audience = participants.filter((p) => p.attributes['hashdrop.role'] === 'audience');
  assert.equal(audience.length, LISTENERS);
  assert.ok(audience.every((p) => !p.permission?.canPublish));
});

test('the next listener is refused: the audience is full', async () => {
  const late = new ApiClient(`${stack.url}/api`);
  const reply = await late.request<{ error: { code: string } }>('POST', `/rooms/${roomId}/join`, {
    displayName: 'One too many',
  });
  assert.equal(reply.status, 409);
  assert.equal(reply.body.error.code, 'ROOM_FULL');
});

test('the subscribing listeners receive the host', async () => {
  await eventually('the host reaching the subscribers', async () => listeners!.subscribed.size === SUBSCRIBERS, 30_000);
});

test('the stage holds for a minute with no disconnects', async () => {
  await new Promise((resolve) => setTimeout(resolve, HOLD_MS));
  assert.deepEqual(listeners!.disconnected, []);
  assert.equal((await livekit.listParticipants(roomId)).length, LISTENERS + 1);
});
