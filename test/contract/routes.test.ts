/**
 * The browser client's paths come from the operations table: every path is a template with known parameters, and
 * `pathOf` fills them in order, each percent-encoded, so a parameter can never reach another route.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KNOCK_REASONS, pathOf, PARTICIPANT_ACTIONS, ROUTES, type OperationId } from '../../src/contract/index.js';

test('every operation is a method and a path template with known parameters', () => {
  const ids = Object.keys(ROUTES) as OperationId[];
  assert.equal(ids.length, 35);
  for (const id of ids) {
    const [method, path] = ROUTES[id];
    assert.match(method, /^(GET|POST|PATCH|DELETE)$/, id);
    assert.match(path, /^(\/([a-z-]+|\{(idOrCode|knockId|identity)\}))+$/, `${id}: ${path}`);
  }
  const pairs = ids.map((id) => ROUTES[id].join(' '));
  assert.equal(new Set(pairs).size, pairs.length, 'two operations share a method and path');
});

test('pathOf fills the parameters in order, each percent-encoded', () => {
  assert.equal(pathOf(ROUTES.getInfo), '/info');
  assert.equal(pathOf(ROUTES.joinRoom, 'STELLAR-PHOENIX'), '/rooms/STELLAR-PHOENIX/join');
  assert.equal(pathOf(ROUTES.admitKnock, 'a/b?c#d', 'k 1%'), '/rooms/a%2Fb%3Fc%23d/knocks/k%201%25/admit');
  assert.equal(pathOf(ROUTES.kickParticipant, 'r', '../x'), '/rooms/r/participants/..%2Fx/kick');
});

test('each participant action is the operation of that name', () => {
  for (const [action, route] of Object.entries(PARTICIPANT_ACTIONS)) {
    assert.ok(route[1].endsWith(`/participants/{identity}/${action}`), action);
    assert.equal(route[0], 'POST');
  }
});

test('the knock reasons are the two pending codes', () => {
  assert.deepEqual([...KNOCK_REASONS].sort(), ['HOST_REQUIRED', 'WAITING_ROOM_PENDING']);
});
