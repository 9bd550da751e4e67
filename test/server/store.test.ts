/** The same store suite against SQLite and PostgreSQL. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { DEFAULT_POLICY } from '../../src/contract/index.js';
import { CodeTakenError, type RoomRecord } from '../../src/server/index.js';
import { openTestStore, roomRecord, STORE_KINDS, stopShared } from './harness.js';

after(stopShared);

function room(id: string, code: string, creatorId = 'alice', createdAt = '2030-01-01T00:00:00.000Z'): RoomRecord {
  return roomRecord({ id, code, name: `Room ${id}`, creatorId, hosts: ['bob', 'carol'], createdAt });
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

    test('roles given during a call are stored per room and cleared with the call', async () => {
      const store = await openTestStore(kind);
      try {
        await store.createRoom(room('r1', 'AMBER-OTTER'));
        await store.setCallRole('r1', 'g1', 'speaker');
        await store.setCallRole('r1', 'g1', 'speaker');
        await store.setCallRole('r1', 'g2', 'speaker');
        assert.equal(await store.callRole('r1', 'g1'), 'speaker');
        assert.equal(await store.callRole('r1', 'g3'), null);
        await store.setCallRole('r1', 'g2', null);
        assert.deepEqual(await store.listSpeakers('r1'), ['g1']);
        await store.resetCall('r1');
        assert.deepEqual(await store.listSpeakers('r1'), []);
      } finally {
        await store.close();
      }
    });

    test('seats: each kind has its cap, a holder keeps its seat, reservations expire, connections stay', async () => {
      const store = await openTestStore(kind);
      try {
        await store.createRoom(room('r1', 'AMBER-OTTER'));
        const caps = { stage: 2, audience: 1 };
        const claim = (identity: string, seat: 'stage' | 'audience', now: number) =>
          store.claimSeat({ roomId: 'r1', identity, kind: seat, caps, now, holdUntil: now + 1000 });
        assert.equal(await claim('a', 'stage', 0), 'held');
        assert.equal(await claim('b', 'stage', 0), 'held');
        assert.equal(await claim('c', 'stage', 0), 'full', 'the stage is full');
        assert.equal(await claim('a', 'stage', 10), 'held', 'a holder asking again keeps its seat');
        assert.equal(await claim('c', 'audience', 0), 'held');
        assert.equal(await claim('d', 'audience', 0), 'full', 'the audience is full');
        assert.deepEqual(await store.countSeats('r1', 0), { stage: 2, audience: 1 });
        await store.seatConnected('r1', { identity: 'a', sid: 'PA_1', kind: 'stage' }, 500);
        assert.deepEqual(await store.countSeats('r1', 5000), { stage: 1, audience: 0 }, 'only the connection stays');
        assert.equal(await claim('d', 'audience', 5000), 'held', 'an expired reservation frees its seat');
        await store.seatLeft('r1', 'a', 'PA_0');
        assert.deepEqual(await store.countSeats('r1', 5000), { stage: 1, audience: 1 }, 'an older connection leaving');
        await store.seatLeft('r1', 'a', 'PA_1');
        assert.deepEqual(await store.countSeats('r1', 5000), { stage: 0, audience: 1 });
        await store.seatConnected('r1', { identity: 'ghost', sid: 'PA_2', kind: 'stage' }, 6000);
        await store.seatConnected('r1', { identity: 'late', sid: 'PA_3', kind: 'stage' }, 8000);
        await store.syncSeats('r1', [{ identity: 'e', sid: 'PA_4', kind: 'audience' }], 7000);
        assert.deepEqual(
          await store.countSeats('r1', 7000),
          { stage: 1, audience: 1 },
          'LiveKit does not list the ghost; the one reported after the list was asked for stays',
        );
        await store.releaseSeat('r1', 'late');
        await store.resetCall('r1');
        assert.deepEqual(await store.countSeats('r1', 7000), { stage: 0, audience: 0 });
      } finally {
        await store.close();
      }
    });

    test('rate counters count within a window and start over after it', async () => {
      const store = await openTestStore(kind);
      try {
        assert.deepEqual(await store.hitCounter('attempt:id:g1', 1000, 100), { count: 1, windowStart: 100 });
        assert.deepEqual(await store.hitCounter('attempt:id:g1', 1000, 600), { count: 2, windowStart: 100 });
        assert.deepEqual(await store.hitCounter('attempt:id:g2', 1000, 600), { count: 1, windowStart: 600 });
        assert.deepEqual(await store.hitCounter('attempt:id:g1', 1000, 1100), { count: 1, windowStart: 1100 });
        await store.sweepCounters(700);
        assert.deepEqual(await store.hitCounter('attempt:id:g2', 1000, 800), { count: 1, windowStart: 800 });
        assert.deepEqual(await store.hitCounter('attempt:id:g1', 1000, 1200), { count: 2, windowStart: 1100 });
        // A claim given back: the next hit starts a new window at once.
        await store.dropCounter('attempt:id:g1');
        assert.deepEqual(await store.hitCounter('attempt:id:g1', 1000, 1300), { count: 1, windowStart: 1300 });
      } finally {
        await store.close();
      }
    });
  });
}
