/**
 * Seats are counted in the store, in one transaction per claim: however many instances share the database, a room
 * never hands out more seats than it has. A stage seats its stage and its audience apart.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dispose, type Room } from '@livekit/rtc-node';
import { openStore } from '../../src/server/index.js';
import {
  connect,
  startInstance,
  startStack,
  STORE_KINDS,
  stopShared,
  testStoreLocation,
  type Api,
  type Instance,
  type Stack,
} from './harness.js';

after(async () => {
  await stopShared();
  await dispose();
});

for (const kind of STORE_KINDS) {
  // PostgreSQL is the multi-instance store, so its joins are split over two instances; SQLite runs one.
  const instances = kind === 'postgres' ? 2 : 1;
  describe(`seats: ${kind}, ${instances} instance(s)`, () => {
    let stack: Stack;
    let second: Instance | null = null;
    let host: Api;
    const clients: Room[] = [];
    before(async () => {
      const location = await testStoreLocation(kind);
      stack = await startStack(kind, { store: await openStore(location) });
      if (instances === 2) second = await startInstance(stack, await openStore(location));
      host = await stack.api.person();
    });
    after(async () => {
      for (const client of clients) await client.disconnect();
      await second?.stop();
      await stack.stop();
    });

    async function createRoom(policy: Record<string, unknown>) {
      const reply = await host.request('POST', '/rooms', { policy });
      assert.equal(reply.status, 201);
      return reply.body.room as { id: string; code: string };
    }

    test(`30 simultaneous joins into 5 seats give exactly 5 tokens`, async () => {
      const room = await createRoom({ waitingRoom: false, maxParticipants: 5 });
      const people = await Promise.all(Array.from({ length: 30 }, () => stack.api.person()));
      const replies = await Promise.all(
        people.map((person, i) =>
          (i % 2 === 1 && second ? person.through(second.base) : person).request('POST', `/rooms/${room.id}/join`, {
            displayName: `P${i}`,
          }),
        ),
      );
      const admitted = replies.filter((reply) => reply.status === 200);
      const full = replies.filter((reply) => reply.status === 409 && reply.body.error.code === 'ROOM_FULL');
      assert.equal(admitted.length, 5, JSON.stringify(replies.map((reply) => reply.status)));
      assert.equal(full.length, 25);
    });

    test('a stage seats the stage and the audience apart; the LiveKit room holds their sum', async () => {
      const room = await createRoom({ waitingRoom: false, stageMode: true, maxParticipants: 2, maxAudience: 3 });
      const asHost = await host.request('POST', `/rooms/${room.id}/join`, { displayName: 'Host' });
      assert.equal(asHost.status, 200);
      clients.push(await connect(asHost.body.serverUrl, asHost.body.token));
      const [listed] = await stack.handler.livekit.rooms.listRooms([room.id]);
      assert.equal(listed?.maxParticipants, 5);
      const audience: Api[] = [];
      for (let i = 0; i < 3; i += 1) {
        const person = await stack.api.person();
        const reply = await person.request('POST', `/rooms/${room.id}/join`, { displayName: `A${i}` });
        assert.equal(reply.status, 200);
        assert.equal(reply.body.role, 'audience');
        if (i < 2) clients.push(await connect(reply.body.serverUrl, reply.body.token));
        audience.push(person);
      }
      const extra = await stack.api.person();
      const refused = await extra.request('POST', `/rooms/${room.id}/join`, { displayName: 'Late' });
      assert.equal(refused.status, 409);
      assert.equal(refused.body.error.code, 'ROOM_FULL');
      assert.match(refused.body.error.message, /audience/);
      const promote = (person: Api) => host.request('POST', `/rooms/${room.id}/participants/${person.userId}/promote`);
      assert.equal((await promote(audience[0]!)).status, 200);
      const stageFull = await promote(audience[1]!);
      assert.equal(stageFull.status, 409, 'the host and one speaker fill a stage of 2');
      assert.equal(stageFull.body.error.code, 'ROOM_FULL');
      const inNow = await extra.request('POST', `/rooms/${room.id}/join`, { displayName: 'Late' });
      assert.equal(inNow.status, 200, 'the promoted speaker left an audience seat free');
    });

    test('a seat whose leaving was never reported is found out before anyone is refused', async () => {
      const room = await createRoom({ waitingRoom: false, maxParticipants: 2 });
      for (const ghost of ['ghost-1', 'ghost-2']) {
        await stack.store.seatConnected(room.id, { identity: ghost, sid: `PA_${ghost}`, kind: 'stage' }, Date.now());
      }
      const guest = await stack.api.person();
      const reply = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Guest' });
      assert.equal(reply.status, 200, 'LiveKit has nobody in the call');
    });
  });
}
