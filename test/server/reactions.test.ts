/**
 * Reactions go through the endpoint: relayed to everyone as a server message under the sender's authenticated
 * identity, the audience of a stage included (it has no right to send data itself), refused to anyone not in the
 * call, limited per sender. Real livekit-server, real rtc-node clients, both stores.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dispose, RoomEvent, type Room } from '@livekit/rtc-node';
import { REACTION_TOPIC, type ReactionEvent } from '../../src/contract/index.js';
import { DEFAULT_RATE_LIMIT } from '../../src/server/rate-limit.js';
import {
  connect,
  eventually,
  serverDataReaches,
  STORE_KINDS,
  startStack,
  stopShared,
  type Api,
  type Stack,
} from './harness.js';

after(async () => {
  await stopShared();
  await dispose();
});

const REACTIONS_ALLOWED = 3;

for (const kind of STORE_KINDS) {
  describe(`reactions: ${kind}`, () => {
    let stack: Stack;
    let host: Api;
    const clients: Room[] = [];
    before(async () => {
      stack = await startStack(kind, {
        rateLimit: {
          ...DEFAULT_RATE_LIMIT,
          perIdentity: { limit: 1000, windowMs: 60_000 },
          perIp: { limit: 1000, windowMs: 60_000 },
          lookupsPerIp: { limit: 1000, windowMs: 60_000 },
          createsPerIp: { limit: 1000, windowMs: 60_000 },
          reactionsPerIdentity: { limit: REACTIONS_ALLOWED, windowMs: 60_000 },
        },
      });
      host = await stack.api.person();
    });
    after(async () => {
      for (const client of clients) await client.disconnect().catch(() => {});
      await stack.stop();
    });

    /** A stage with the host in the call and a member of the audience who may not send data (no audience chat). */
    async function stage() {
      const policy = { waitingRoom: false, stageMode: true, audienceChat: false };
      const room = (await host.request('POST', '/rooms', { policy })).body.room as { id: string };
      const hostJoin = await host.request('POST', `/rooms/${room.id}/join`, { displayName: 'Host' });
      const hostClient = await connect(hostJoin.body.serverUrl, hostJoin.body.token);
      const listener = await stack.api.person();
      const join = await listener.request('POST', `/rooms/${room.id}/join`, { displayName: 'Listener' });
      assert.equal(join.body.role, 'audience');
      const listenerClient = await connect(join.body.serverUrl, join.body.token);
      clients.push(hostClient, listenerClient);
      await serverDataReaches(stack, room.id, hostClient);
      return { room, hostClient, listener };
    }

    test('the audience reacts through the endpoint; everyone gets it under the sender’s identity', async () => {
      const { room, hostClient, listener } = await stage();
      const received: { event: ReactionEvent; fromParticipant: boolean }[] = [];
      hostClient.on(RoomEvent.DataReceived, (payload, participant, _kind, topic) => {
        if (topic !== REACTION_TOPIC) return;
        received.push({ event: JSON.parse(new TextDecoder().decode(payload)), fromParticipant: !!participant });
      });
      const sent = await listener.request('POST', `/rooms/${room.id}/reactions`, { emoji: '👏' });
      assert.equal(sent.status, 200, JSON.stringify(sent.body));
      assert.equal(sent.body.identity, listener.userId);
      const [arrived] = await eventually('the reaction reaching the host', () => (received.length ? received : null));
      assert.equal(arrived!.fromParticipant, false, 'sent by the server, not by a participant');
      assert.equal(arrived!.event.identity, listener.userId);
      assert.equal(arrived!.event.emoji, '👏');
    });

    test('someone not in the call cannot react to it', async () => {
      const { room } = await stage();
      const outsider = await stack.api.person();
      const refused = await outsider.request('POST', `/rooms/${room.id}/reactions`, { emoji: '👍' });
      assert.equal(refused.status, 404);
      assert.equal(refused.body.error.code, 'NOT_FOUND');
    });

    test('only the six reactions are accepted', async () => {
      const { room, listener } = await stage();
      for (const body of [{ emoji: '<b>hi</b>' }, { emoji: '👍', extra: 1 }, {}]) {
        const refused = await listener.request('POST', `/rooms/${room.id}/reactions`, body);
        assert.equal(refused.status, 422, JSON.stringify(body));
        assert.equal(refused.body.error.code, 'VALIDATION_FAILED');
      }
    });

    test(`one sender gets ${REACTIONS_ALLOWED} reactions a window, then 429 with Retry-After`, async () => {
      const { room } = await stage();
      const fan = await stack.api.person();
      const join = await fan.request('POST', `/rooms/${room.id}/join`, { displayName: 'Fan' });
      clients.push(await connect(join.body.serverUrl, join.body.token));
      const statuses: number[] = [];
      let retryAfter: string | null = null;
      for (let i = 0; i <= REACTIONS_ALLOWED; i += 1) {
        const reply = await fan.request('POST', `/rooms/${room.id}/reactions`, { emoji: '🎉' });
        statuses.push(reply.status);
        retryAfter = reply.headers.get('retry-after');
      }
      assert.deepEqual(statuses, [...Array(REACTIONS_ALLOWED).fill(200), 429]);
      assert.ok(Number(retryAfter) > 0);
    });
  });
}
