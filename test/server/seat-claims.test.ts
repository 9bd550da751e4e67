/**
 * The store's seat claim on its own, on SQLite and PostgreSQL: two stores on one database (two processes, two
 * instances) never hand out more seats than the cap, and a claim that fails midway leaves no transaction behind.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { Store } from '../../src/server/index.js';
import { openStore } from '../../src/server/store/index.js';
import { roomRecord, STORE_KINDS, stopShared, testStoreLocation } from './harness.js';

const room = roomRecord({ id: 'r1', code: 'AMBER-OTTER', hosts: ['alice'] });
const caps = { stage: 5, audience: 0 };

const claim = (store: Store, roomId: string, identity: string) => {
  const now = Date.now();
  return store.claimSeat({ roomId, identity, kind: 'stage', caps, now, holdUntil: now + 60_000 });
};

for (const kind of STORE_KINDS) {
  describe(`seat claims: ${kind}`, () => {
    test('two stores on one database, 24 simultaneous claims for 5 seats: exactly 5 are granted', async () => {
      const location = await testStoreLocation(kind);
      const first = await openStore(location);
      const second = await openStore(location);
      try {
        await first.createRoom(room);
        const outcomes = await Promise.all(
          Array.from({ length: 24 }, (_, i) => claim(i % 2 === 0 ? first : second, 'r1', `guest-${i}`)),
        );
        assert.equal(outcomes.filter((outcome) => outcome === 'held').length, 5);
        assert.equal(outcomes.filter((outcome) => outcome === 'full').length, 19);
        assert.deepEqual(await second.countSeats('r1', Date.now()), { stage: 5, audience: 0 });
      } finally {
        await second.close();
        await first.close();
      }
    });

    test('a removed identity is refused in the claim itself and takes no seat; others still get theirs', async () => {
      const store = await openStore(await testStoreLocation(kind));
      try {
        await store.createRoom(room);
        assert.equal(await claim(store, 'r1', 'kicked'), 'held');
        await store.addBan('r1', 'kicked', new Date().toISOString());
        await store.releaseSeat('r1', 'kicked');
        assert.equal(await claim(store, 'r1', 'kicked'), 'banned');
        assert.deepEqual(await store.countSeats('r1', Date.now()), { stage: 0, audience: 0 });
        assert.equal(await claim(store, 'r1', 'guest'), 'held');
      } finally {
        await store.close();
      }
    });

    test('a claim that fails midway is rolled back and the next claim goes through', async () => {
      const store = await openStore(await testStoreLocation(kind));
      try {
        await store.createRoom(room);
        // No such room: the seat's row refers to a room that is not there, so the claim fails at its last write.
        await assert.rejects(claim(store, 'r-missing', 'guest'));
        assert.equal(await claim(store, 'r1', 'guest'), 'held');
        assert.deepEqual(await store.countSeats('r1', Date.now()), { stage: 1, audience: 0 });
      } finally {
        await store.close();
      }
    });
  });
}

after(stopShared);
