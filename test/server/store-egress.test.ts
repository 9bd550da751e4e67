/** The store's record of Egress jobs, on both stores: reports arriving out of order never take a job back. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { EgressJobRecord, Store } from '../../src/server/index.js';
import { openTestStore, roomRecord, STORE_KINDS, stopShared } from './harness.js';

after(stopShared);

const ROOM = roomRecord();

function job(patch: Partial<EgressJobRecord>): EgressJobRecord {
  return {
    egressId: 'EG_one',
    roomId: ROOM.id,
    kind: 'recording',
    mode: 'composite',
    layout: 'grid',
    trackSid: null,
    status: 'starting',
    error: null,
    startedAt: null,
    endedAt: null,
    createdAt: '2030-01-01T00:00:01.000Z',
    updatedAt: '2030-01-01T00:00:01.000Z',
    ...patch,
  };
}

for (const kind of STORE_KINDS) {
  describe(`egress jobs: ${kind}`, () => {
    async function withStore(run: (store: Store) => Promise<void>): Promise<void> {
      const store = await openTestStore(kind);
      try {
        await store.createRoom(ROOM);
        await run(store);
      } finally {
        await store.close();
      }
    }

    test('a job moves forward and keeps the times and error it was given', async () => {
      await withStore(async (store) => {
        await store.saveEgressJob(job({}));
        await store.saveEgressJob(job({ status: 'active', startedAt: '2030-01-01T00:00:02.000Z' }));
        await store.saveEgressJob(job({ status: 'failed', error: 'no faac', endedAt: '2030-01-01T00:00:05.000Z' }));
        const [saved] = await store.listEgressJobs(ROOM.id);
        assert.equal(saved?.status, 'failed');
        assert.equal(saved?.error, 'no faac');
        assert.equal(saved?.startedAt, '2030-01-01T00:00:02.000Z', 'kept when a later report leaves it out');
        assert.equal(saved?.endedAt, '2030-01-01T00:00:05.000Z');
        assert.equal(saved?.layout, 'grid');
      });
    });

    test('a late report does not take an ended job back, and the first ended status stays', async () => {
      await withStore(async (store) => {
        await store.saveEgressJob(job({ status: 'failed', error: 'pipeline frozen' }));
        await store.saveEgressJob(job({ status: 'active' }));
        await store.saveEgressJob(job({ status: 'starting' }));
        await store.saveEgressJob(job({ status: 'aborted', error: null }));
        const [saved] = await store.listEgressJobs(ROOM.id);
        assert.equal(saved?.status, 'failed');
        assert.equal(saved?.error, 'pipeline frozen');
      });
    });

    test('jobs list newest first, by kind, and go with their room', async () => {
      await withStore(async (store) => {
        await store.saveEgressJob(job({ egressId: 'EG_a' }));
        await store.saveEgressJob(job({ egressId: 'EG_b', kind: 'stream', createdAt: '2030-01-01T00:00:02.000Z' }));
        await store.saveEgressJob(job({ egressId: 'EG_c', createdAt: '2030-01-01T00:00:03.000Z' }));
        assert.deepEqual(
          (await store.listEgressJobs(ROOM.id)).map((j) => j.egressId),
          ['EG_c', 'EG_b', 'EG_a'],
        );
        assert.deepEqual(
          (await store.listEgressJobs(ROOM.id, 'stream')).map((j) => j.egressId),
          ['EG_b'],
        );
        await store.deleteRoom(ROOM.id);
        assert.deepEqual(await store.listEgressJobs(ROOM.id), []);
      });
    });
  });
}
