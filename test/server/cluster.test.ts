/**
 * Two endpoint instances on one PostgreSQL decide alike: roles given during a call, a policy change and the rate
 * limits come from the store, not from the memory of the instance that happened to see them. ("Restarted" is a new
 * handler on the same database: a fresh process memory.) The multi-process topology is in the ops tests.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { dispose } from '@livekit/rtc-node';
import { openStore } from '../../src/server/index.js';
import {
  connect,
  startInstance,
  startStack,
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

function claims(token: string): { video: { canPublish: boolean; canPublishData: boolean } } {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('roles across instances (postgres)', () => {
  let location: string;
  let stack: Stack;
  let b: Instance;
  let host: Api;
  before(async () => {
    location = await testStoreLocation('postgres');
    stack = await startStack('postgres', { store: await openStore(location) });
    b = await startInstance(stack, await openStore(location));
    host = await stack.api.person();
  });
  after(async () => {
    await b.stop();
    await stack.stop();
  });

  async function stageWithSpeaker() {
    const created = await host.request('POST', '/rooms', { policy: { waitingRoom: false, stageMode: true } });
    const room = created.body.room as { id: string };
    const guest = await stack.api.person();
    const joined = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Sam' });
    assert.equal(joined.body.role, 'audience');
    const client = await connect(joined.body.serverUrl, joined.body.token);
    const promoted = await host.request('POST', `/rooms/${room.id}/participants/${guest.userId}/promote`);
    assert.equal(promoted.status, 200);
    return { room, guest, client };
  }

  test('a speaker promoted on A rejoins through B, and through a restarted instance, as a speaker', async () => {
    const { room, guest, client } = await stageWithSpeaker();
    await client.disconnect();
    const viaB = await guest.through(b.base).request('POST', `/rooms/${room.id}/join`, { displayName: 'Sam' });
    assert.equal(viaB.status, 200);
    assert.equal(viaB.body.role, 'speaker');
    assert.equal(claims(viaB.body.token).video.canPublish, true);
    const restarted = await startInstance(stack, await openStore(location));
    try {
      const viaRestarted = await guest
        .through(restarted.base)
        .request('POST', `/rooms/${room.id}/join`, { displayName: 'Sam' });
      assert.equal(viaRestarted.body.role, 'speaker');
    } finally {
      await restarted.stop();
    }
  });

  test('a policy change through B keeps the speakers publishing and the audience not', async () => {
    const { room, guest, client } = await stageWithSpeaker();
    const listener = await stack.api.person();
    const joined = await listener.request('POST', `/rooms/${room.id}/join`, { displayName: 'Lee' });
    const listenerClient = await connect(joined.body.serverUrl, joined.body.token);
    try {
      const patched = await host
        .through(b.base)
        .request('PATCH', `/rooms/${room.id}`, { policy: { audienceChat: false } });
      assert.equal(patched.status, 200);
      const speaker = await stack.handler.livekit.rooms.getParticipant(room.id, guest.userId!);
      assert.equal(speaker.permission?.canPublish, true, 'the speaker still publishes');
      const audience = await stack.handler.livekit.rooms.getParticipant(room.id, listener.userId!);
      assert.equal(audience.permission?.canPublish, false);
      assert.equal(audience.permission?.canPublishData, false, 'the policy reached the call through B');
    } finally {
      await client.disconnect();
      await listenerClient.disconnect();
    }
  });

  test('end for all forgets the promotions: the next call starts with an audience', async () => {
    const { room, guest, client } = await stageWithSpeaker();
    await client.disconnect();
    assert.equal((await host.through(b.base).request('POST', `/rooms/${room.id}/end`)).status, 200);
    const again = await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'Sam' });
    assert.equal(again.body.role, 'audience');
  });
});

describe('rate limits across instances (postgres)', () => {
  let stack: Stack;
  let b: Instance;
  const rateLimit = { perIdentity: { limit: 4, windowMs: 60_000 } };
  before(async () => {
    const location = await testStoreLocation('postgres');
    stack = await startStack('postgres', { store: await openStore(location), rateLimit });
    b = await startInstance(stack, await openStore(location), { rateLimit });
  });
  after(async () => {
    await b.stop();
    await stack.stop();
  });

  test("one identity's join attempts are limited cluster-wide, not per instance", async () => {
    const person = await stack.api.person();
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      const via = i % 2 === 0 ? person : person.through(b.base);
      statuses.push((await via.request('POST', '/rooms/NOBODY-HERE/join', { displayName: 'P' })).status);
    }
    assert.deepEqual(statuses, [404, 404, 404, 404, 429, 429]);
  });
});
