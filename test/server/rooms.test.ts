/** Rooms CRUD over HTTP against a real livekit-server, on both stores. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { STORE_KINDS, startStack, stopShared, type Stack } from './harness.js';

after(stopShared);

for (const kind of STORE_KINDS) {
  describe(`rooms: ${kind}`, () => {
    let stack: Stack;
    before(async () => {
      stack = await startStack(kind);
    });
    after(() => stack.stop());

    test('info lists scheduled_rooms', async () => {
      const reply = await stack.api.request('GET', '/info');
      assert.equal(reply.status, 200);
      assert.equal(reply.body.name, 'hashdrop');
      assert.ok(reply.body.features.includes('scheduled_rooms'));
    });

    test('create, list, get by id and by code in any case, patch, delete', async () => {
      const alice = await stack.api.person();
      const bob = await stack.api.person();
      const created = await alice.request('POST', '/rooms', {
        name: 'Weekly sync',
        scheduledStartAt: '2030-01-01T10:00:00.000Z',
        scheduledEndAt: '2030-01-01T11:00:00.000Z',
        policy: { waitingRoom: false, maxParticipants: 5 },
        hosts: [bob.userId],
      });
      assert.equal(created.status, 201);
      const { room, hostKey } = created.body;
      assert.match(room.code, /^[A-Z]+-[A-Z]+$/);
      assert.equal(typeof hostKey, 'string');
      assert.equal(room.creatorId, alice.userId);
      assert.deepEqual(room.hosts, [bob.userId]);
      assert.deepEqual(room.policy, {
        waitingRoom: false,
        requireHost: false,
        maxParticipants: 5,
        maxAudience: 500,
        autoCloseWhenEmpty: false,
        stageMode: false,
        audienceChat: true,
        audioOnly: false,
      });
      assert.equal(room.status, 'ACTIVE');
      assert.equal(JSON.stringify(room).includes(hostKey), false);

      const listed = await bob.request('GET', '/rooms');
      assert.deepEqual(
        listed.body.rooms.map((r: { id: string }) => r.id),
        [room.id],
      );
      const stranger = await stack.api.person();
      assert.deepEqual((await stranger.request('GET', '/rooms')).body.rooms, []);

      const byCode = await stranger.request('GET', `/rooms/${room.code.toLowerCase().replace('-', ' ')}`);
      assert.equal(byCode.status, 200);
      assert.equal(byCode.body.room.id, room.id);
      assert.equal(byCode.body.room.live, undefined, 'a stranger does not see who is in the call');
      const asHost = await bob.request('GET', `/rooms/${room.id}`);
      assert.deepEqual(asHost.body.room.live, { active: false, participants: [] });
      assert.equal(asHost.body.room.youAreHost, true);

      const patched = await alice.request('PATCH', `/rooms/${room.code}`, {
        name: 'Renamed',
        policy: { stageMode: true },
      });
      assert.equal(patched.status, 200);
      assert.equal(patched.body.room.name, 'Renamed');
      assert.equal(patched.body.room.policy.stageMode, true);
      assert.equal(patched.body.room.policy.maxParticipants, 5);
      assert.equal((await bob.request('PATCH', `/rooms/${room.id}`, { name: 'x' })).status, 403);
      assert.equal((await bob.request('DELETE', `/rooms/${room.id}`)).status, 403);

      assert.equal((await alice.request('DELETE', `/rooms/${room.id}`)).status, 204);
      assert.equal((await alice.request('GET', `/rooms/${room.id}`)).status, 404);
      assert.equal((await alice.request('DELETE', `/rooms/${room.id}`)).status, 404);
    });

    test('the host key, shown once, makes another browser a host', async () => {
      const alice = await stack.api.person();
      const created = await alice.request('POST', '/rooms', {});
      const other = await stack.api.person();
      const wrong = await other.request('POST', `/rooms/${created.body.room.id}/claim-host`, {
        hostKey: 'x'.repeat(32),
      });
      assert.equal(wrong.status, 403);
      const claimed = await other.request('POST', `/rooms/${created.body.room.id}/claim-host`, {
        hostKey: created.body.hostKey,
      });
      assert.equal(claimed.status, 200);
      assert.equal(claimed.body.room.youAreHost, true);
      assert.ok(claimed.body.room.hosts.includes(other.userId));
    });
  });
}
