/** The same store suite against SQLite and PostgreSQL. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { DEFAULT_POLICY } from '../../src/contract/index.js';
import { CodeTakenError, type RoomRecord } from '../../src/server/index.js';
import { openTestStore, STORE_KINDS, stopShared } from './harness.js';

after(stopShared);

function room(id: string, code: string, creatorId = 'alice', createdAt = '2030-01-01T00:00:00.000Z'): RoomRecord {
  return {
    id,
    code,
    name: `Room ${id}`,
    creatorId,
    hosts: ['bob', 'carol'],
    scheduledStartAt: null,
    scheduledEndAt: null,
    status: 'ACTIVE',
    policy: DEFAULT_POLICY,
    hostKeyHash: 'ab'.repeat(32),
    callGeneration: 0,
    createdAt,
    updatedAt: createdAt,
  };
}

for (const kind of STORE_KINDS) {
  describe(`store: ${kind}`, () => {
    test('rooms round-trip, by id and by code, and list for creator and hosts', async () => {
      const store = await openTestStore(kind);
      try {
        await store.createRoom(room('r1', 'BRAVE-OTTER'));
        await store.createRoom(room('r2', 'CALM-FOX', 'dave', '2030-01-02T00:00:00.000Z'));
        assert.deepEqual(await store.getRoomById('r1'), room('r1', 'BRAVE-OTTER'));
        assert.equal((await store.getRoomByCode('CALM-FOX'))?.id, 'r2');
        assert.equal(await store.getRoomById('nope'), null);
        assert.deepEqual(
          (await store.listRoomsFor('alice')).map((r) => r.id),
          ['r1'],
        );
        assert.deepEqual(
          (await store.listRoomsFor('bob')).map((r) => r.id),
          ['r2', 'r1'],
        );
        assert.deepEqual(
          (await store.listRoomsFor('eve')).map((r) => r.id),
          [],
        );
        await assert.rejects(store.createRoom(room('r3', 'BRAVE-OTTER')), CodeTakenError);
      } finally {
        await store.close();
      }
    });

    test('update and delete', async () => {
      const store = await openTestStore(kind);
      try {
        await store.createRoom(room('r1', 'BRAVE-OTTER'));
        const updated = await store.updateRoom(
          'r1',
          { name: 'New', hosts: ['zed'], status: 'CLOSED', policy: { ...DEFAULT_POLICY, stageMode: true } },
          '2030-02-01T00:00:00.000Z',
        );
        assert.equal(updated?.name, 'New');
        assert.deepEqual(updated?.hosts, ['zed']);
        assert.equal(updated?.status, 'CLOSED');
        assert.equal(updated?.policy.stageMode, true);
        assert.equal(updated?.updatedAt, '2030-02-01T00:00:00.000Z');
        assert.equal(await store.updateRoom('nope', { name: 'x' }, 'now'), null);
        assert.equal(await store.deleteRoom('r1'), true);
        assert.equal(await store.deleteRoom('r1'), false);
        assert.deepEqual(await store.listRoomsFor('zed'), []);
      } finally {
        await store.close();
      }
    });

    test('knocks settle once; bans; resetCall cancels pending and forgets decisions', async () => {
      const store = await openTestStore(kind);
      try {
        await store.createRoom(room('r1', 'BRAVE-OTTER'));
        const base = {
          roomId: 'r1',
          displayName: 'G',
          reason: 'WAITING_ROOM_PENDING' as const,
          status: 'pending' as const,
        };
        await store.createKnock({ ...base, id: 'k1', identity: 'g1', createdAt: '1', updatedAt: '1' });
        await store.createKnock({ ...base, id: 'k2', identity: 'g1', createdAt: '2', updatedAt: '2' });
        await store.createKnock({ ...base, id: 'k3', identity: 'g2', createdAt: '3', updatedAt: '3' });
        assert.equal((await store.latestKnock('r1', 'g1'))?.id, 'k2');
        assert.equal(await store.settleKnock('k1', 'pending', 'denied', '4'), true);
        assert.equal(await store.settleKnock('k1', 'pending', 'admitted', '5'), false);
        assert.equal((await store.getKnock('k1'))?.status, 'denied');
        await store.setKnockReason('k2', 'HOST_REQUIRED', '6');
        assert.equal((await store.getKnock('k2'))?.reason, 'HOST_REQUIRED');
        assert.deepEqual(
          (await store.listKnocks('r1', 'pending')).map((k) => k.id),
          ['k2', 'k3'],
        );
        await store.addBan('r1', 'g3', '7');
        await store.addBan('r1', 'g3', '8');
        assert.equal(await store.isBanned('r1', 'g3'), true);
        assert.equal(await store.isBanned('r1', 'g1'), false);
        await store.resetCall('r1');
        assert.equal(await store.isBanned('r1', 'g3'), false);
        assert.equal(await store.getKnock('k1'), null);
        assert.equal((await store.getKnock('k2'))?.status, 'cancelled');
      } finally {
        await store.close();
      }
    });
  });
}
