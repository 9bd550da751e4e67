/**
 * The authorization matrix: every host-only and creator-only action tried as creator, host, admitted guest, waiting
 * guest, stranger and anonymous caller. Only the right ones get past authorization (anything but 401/403).
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { STORE_KINDS, startStack, stopShared, type Api, type Stack } from './harness.js';

after(stopShared);

type Actor = 'creator' | 'host' | 'guest' | 'waiting' | 'stranger' | 'anonymous';
const ACTORS: Actor[] = ['anonymous', 'stranger', 'waiting', 'guest', 'host', 'creator'];
const HOSTS: Actor[] = ['host', 'creator'];

interface Action {
  name: string;
  method: string;
  path: (roomId: string, knockId: string, guestId: string) => string;
  body?: unknown;
  allowed: Actor[];
}

const ACTIONS: Action[] = [
  { name: 'list knocks', method: 'GET', path: (r) => `/rooms/${r}/knocks`, allowed: HOSTS },
  { name: 'admit', method: 'POST', path: (r, k) => `/rooms/${r}/knocks/${k}/admit`, allowed: HOSTS },
  { name: 'deny', method: 'POST', path: (r, k) => `/rooms/${r}/knocks/${k}/deny`, allowed: HOSTS },
  { name: 'admit all', method: 'POST', path: (r) => `/rooms/${r}/knocks/admit-all`, allowed: HOSTS },
  { name: 'kick', method: 'POST', path: (r) => `/rooms/${r}/participants/somebody-else/kick`, allowed: HOSTS },
  { name: 'mute', method: 'POST', path: (r, _k, g) => `/rooms/${r}/participants/${g}/mute`, allowed: HOSTS },
  { name: 'promote', method: 'POST', path: (r, _k, g) => `/rooms/${r}/participants/${g}/promote`, allowed: HOSTS },
  { name: 'demote', method: 'POST', path: (r, _k, g) => `/rooms/${r}/participants/${g}/demote`, allowed: HOSTS },
  {
    name: 'lower hand',
    method: 'POST',
    path: (r, _k, g) => `/rooms/${r}/participants/${g}/lower-hand`,
    allowed: HOSTS,
  },
  { name: 'lower all hands', method: 'POST', path: (r) => `/rooms/${r}/hands/lower-all`, allowed: HOSTS },
  {
    name: 'start recording',
    method: 'POST',
    path: (r) => `/rooms/${r}/recording`,
    body: { mode: 'composite', layout: 'grid' },
    allowed: HOSTS,
  },
  { name: 'stop recording', method: 'DELETE', path: (r) => `/rooms/${r}/recording`, allowed: HOSTS },
  { name: 'patch room', method: 'PATCH', path: (r) => `/rooms/${r}`, body: { name: 'Mine now' }, allowed: ['creator'] },
  {
    name: 'change the policy (e.g. audience chat)',
    method: 'PATCH',
    path: (r) => `/rooms/${r}`,
    body: { policy: { audienceChat: false } },
    allowed: HOSTS,
  },
  {
    name: 'change the policy and the name',
    method: 'PATCH',
    path: (r) => `/rooms/${r}`,
    body: { policy: { audienceChat: true }, name: 'Renamed' },
    allowed: ['creator'],
  },
  { name: 'end for all', method: 'POST', path: (r) => `/rooms/${r}/end`, allowed: HOSTS },
  { name: 'delete room', method: 'DELETE', path: (r) => `/rooms/${r}`, allowed: ['creator'] },
];

for (const kind of STORE_KINDS) {
  describe(`authorization matrix: ${kind}`, () => {
    let stack: Stack;
    before(async () => {
      stack = await startStack(kind);
    });
    after(() => stack.stop());

    test('each action as each actor', async () => {
      const creator = await stack.api.person();
      const host = await stack.api.person();
      const guest = await stack.api.person();
      const waiting = await stack.api.person();
      const stranger = await stack.api.person();
      const anonymous = stack.api;
      const room = (await creator.request('POST', '/rooms', { policy: { waitingRoom: true }, hosts: [host.userId] }))
        .body.room;
      // The guest is admitted through the lobby; the waiting guest stays in it.
      const guestKnock = (await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'G' })).body.knockId;
      await creator.request('POST', `/rooms/${room.id}/knocks/${guestKnock}/admit`);
      assert.equal((await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'G' })).status, 200);
      const waitingKnock = (await waiting.request('POST', `/rooms/${room.id}/join`, { displayName: 'W' })).body.knockId;
      // A guest claiming to be host in the body is simply a validation error, never a host.
      assert.equal(
        (await guest.request('POST', `/rooms/${room.id}/join`, { displayName: 'G', role: 'host' })).status,
        422,
      );

      const people: Record<Actor, Api> = { creator, host, guest, waiting, stranger, anonymous };
      const results: string[] = [];
      for (const action of ACTIONS) {
        // Forbidden actors first, so a destructive allowed action (end, delete) runs last.
        const order = [...ACTORS].sort(
          (a, b) => Number(action.allowed.includes(a)) - Number(action.allowed.includes(b)),
        );
        for (const actor of order) {
          const knockId = waitingKnock;
          const reply = await people[actor].request(
            action.method,
            action.path(room.id, knockId, guest.userId!),
            action.body,
          );
          const allowed = reply.status !== 401 && reply.status !== 403;
          const expected = action.allowed.includes(actor);
          if (allowed !== expected) results.push(`${action.name} as ${actor}: ${reply.status}`);
          if (!expected) assert.equal(reply.status, actor === 'anonymous' ? 401 : 403, `${action.name} as ${actor}`);
          assert.notEqual(reply.status, 500, `${action.name} as ${actor}`);
        }
      }
      assert.deepEqual(results, []);
    });
  });
}
