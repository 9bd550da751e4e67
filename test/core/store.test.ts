import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { INITIAL_SNAPSHOT, type RoomSnapshot } from '../../src/core/snapshot.js';
import { SnapshotStore } from '../../src/core/store.js';
import { TransitionError } from '../../src/core/transitions.js';

describe('SnapshotStore', () => {
  it('starts from the initial snapshot, frozen', () => {
    const store = new SnapshotStore();
    assert.deepEqual(store.snapshot, INITIAL_SNAPSHOT);
    assert.ok(Object.isFrozen(store.snapshot));
  });

  it('replaces the snapshot as a whole and never mutates the previous one', () => {
    const store = new SnapshotStore();
    const before = store.snapshot;
    const after = store.update({ displayName: 'Ada' });
    assert.notEqual(after, before);
    assert.equal(store.snapshot, after);
    assert.equal(after.displayName, 'Ada');
    assert.equal(before.displayName, '');
    // Untouched fields keep their identity, so views that select them do not re-render.
    assert.equal(after.devices, before.devices);
  });

  it('freezes each new snapshot and the arrays it holds', () => {
    const store = new SnapshotStore();
    const next = store.update({
      knocks: [{ knockId: 'k1', displayName: 'A', identity: 'a', createdAt: 'x', reason: 'WAITING_ROOM_PENDING' }],
    });
    assert.ok(Object.isFrozen(next));
    assert.ok(Object.isFrozen(next.knocks));
    assert.throws(() => {
      (next as { displayName: string }).displayName = 'mutated';
    }, TypeError);
    assert.throws(() => (next.knocks as unknown[]).push({}), TypeError);
  });

  it('accepts a function of the current snapshot', () => {
    const store = new SnapshotStore();
    store.update({ displayName: 'Ada' });
    store.update((current) => ({ displayName: `${current.displayName} Lovelace` }));
    assert.equal(store.snapshot.displayName, 'Ada Lovelace');
  });

  it('notifies listeners with next and previous, and stops after unsubscribe', () => {
    const store = new SnapshotStore();
    const calls: [RoomSnapshot, RoomSnapshot][] = [];
    const unsubscribe = store.subscribe((next, previous) => calls.push([next, previous]));
    const first = store.snapshot;
    const second = store.update({ displayName: 'Ada' });
    assert.equal(calls.length, 1);
    assert.equal(calls[0]![0], second);
    assert.equal(calls[0]![1], first);
    unsubscribe();
    store.update({ displayName: 'Grace' });
    assert.equal(calls.length, 1);
    assert.equal(store.listenerCount, 0);
  });

  it('does not notify when nothing changed', () => {
    const store = new SnapshotStore();
    let count = 0;
    store.subscribe(() => count++);
    const before = store.snapshot;
    assert.equal(store.update({ displayName: '' }), before);
    assert.equal(count, 0);
  });

  it('keeps notifying other listeners when one throws', () => {
    const store = new SnapshotStore();
    const originalError = console.error;
    console.error = () => {};
    let reached = false;
    try {
      store.subscribe(() => {
        throw new Error('broken view');
      });
      store.subscribe(() => (reached = true));
      store.update({ displayName: 'Ada' });
    } finally {
      console.error = originalError;
    }
    assert.equal(reached, true);
  });

  it('routes status changes through the transition table', () => {
    globalThis.__HASHDROP_DEV__ = true;
    try {
      const store = new SnapshotStore();
      store.update({ status: 'pre-join' });
      store.update({ status: 'connecting' });
      assert.throws(() => store.update({ status: 'idle' }), TransitionError);
      // A rejected change leaves the snapshot as it was.
      assert.equal(store.snapshot.status, 'connecting');
    } finally {
      delete globalThis.__HASHDROP_DEV__;
    }
  });
});
