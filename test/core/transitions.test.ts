import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { SESSION_STATUSES, type SessionStatus } from '../../src/core/snapshot.js';
import {
  TRANSITIONS,
  TransitionError,
  assertTransition,
  canTransition,
  isConnected,
  isDevelopment,
  isEngaged,
} from '../../src/core/transitions.js';

/** The intended lifecycle, written out independently of the table so a change to either shows up here. */
const EXPECTED: Record<SessionStatus, SessionStatus[]> = {
  idle: ['pre-join', 'error'],
  'pre-join': ['connecting', 'error'],
  connecting: ['waiting', 'in-room', 'denied', 'error', 'ended'],
  waiting: ['connecting', 'denied', 'pre-join', 'error', 'ended'],
  'in-room': ['reconnecting', 'ended'],
  reconnecting: ['in-room', 'ended'],
  ended: ['pre-join'],
  denied: ['pre-join'],
  error: ['pre-join', 'idle'],
};

afterEach(() => {
  delete globalThis.__HASHDROP_DEV__;
});

describe('transition table', () => {
  it('covers every status and names only known statuses', () => {
    assert.deepEqual(Object.keys(TRANSITIONS).sort(), [...SESSION_STATUSES].sort());
    for (const targets of Object.values(TRANSITIONS)) {
      for (const target of targets) assert.ok(SESSION_STATUSES.includes(target), target);
    }
  });

  it('matches the intended lifecycle edge for edge', () => {
    for (const from of SESSION_STATUSES) {
      assert.deepEqual([...TRANSITIONS[from]].sort(), [...EXPECTED[from]].sort(), `edges out of ${from}`);
    }
  });

  it('allows every listed edge (and staying put) without throwing in development', () => {
    globalThis.__HASHDROP_DEV__ = true;
    for (const from of SESSION_STATUSES) {
      assert.doesNotThrow(() => assertTransition(from, from));
      for (const to of EXPECTED[from]) {
        assert.equal(canTransition(from, to), true, `${from} → ${to}`);
        assert.doesNotThrow(() => assertTransition(from, to), `${from} → ${to}`);
      }
    }
  });

  it('rejects every unlisted edge', () => {
    let forbidden = 0;
    for (const from of SESSION_STATUSES) {
      for (const to of SESSION_STATUSES) {
        if (from === to || EXPECTED[from].includes(to)) continue;
        forbidden += 1;
        assert.equal(canTransition(from, to), false, `${from} → ${to}`);
      }
    }
    assert.ok(forbidden > 40, 'the table should forbid far more than it allows');
  });

  for (const [from, to] of [
    ['idle', 'in-room'],
    ['pre-join', 'in-room'],
    ['waiting', 'in-room'],
    ['denied', 'in-room'],
    ['ended', 'in-room'],
    ['in-room', 'waiting'],
    ['in-room', 'pre-join'],
    ['idle', 'ended'],
  ] as const) {
    it(`throws a TransitionError for ${from} → ${to} in development`, () => {
      globalThis.__HASHDROP_DEV__ = true;
      assert.throws(
        () => assertTransition(from, to),
        (error: unknown) => error instanceof TransitionError && error.from === from && error.to === to,
      );
    });
  }

  it('logs and allows an impossible edge in production', () => {
    globalThis.__HASHDROP_DEV__ = false;
    const logged = mock.method(console, 'error', () => {});
    try {
      assert.doesNotThrow(() => assertTransition('idle', 'in-room'));
      assert.equal(logged.mock.callCount(), 1);
      assert.ok(logged.mock.calls[0]!.arguments[0] instanceof TransitionError);
    } finally {
      logged.mock.restore();
    }
  });

  it('treats Node without NODE_ENV=production as development, and the global flag wins', () => {
    const saved = process.env['NODE_ENV'];
    try {
      delete process.env['NODE_ENV'];
      assert.equal(isDevelopment(), true);
      process.env['NODE_ENV'] = 'production';
      assert.equal(isDevelopment(), false);
      globalThis.__HASHDROP_DEV__ = true;
      assert.equal(isDevelopment(), true);
    } finally {
      if (saved === undefined) delete process.env['NODE_ENV'];
      else process.env['NODE_ENV'] = saved;
    }
  });
});

describe('isEngaged / isConnected', () => {
  // Engaged: a join or call is under way (leave() applies, the room cannot change). Connected: the call's media is up
  // or recovering (in-call controls act). Written out so a change to either meaning shows up here.
  const ENGAGED: SessionStatus[] = ['connecting', 'waiting', 'in-room', 'reconnecting'];
  const CONNECTED: SessionStatus[] = ['in-room', 'reconnecting'];

  for (const status of SESSION_STATUSES) {
    it(`${status}: engaged ${ENGAGED.includes(status)}, connected ${CONNECTED.includes(status)}`, () => {
      assert.equal(isEngaged(status), ENGAGED.includes(status));
      assert.equal(isConnected(status), CONNECTED.includes(status));
    });
  }

  it('counts every connected status as engaged', () => {
    for (const status of SESSION_STATUSES) if (isConnected(status)) assert.equal(isEngaged(status), true);
  });
});
