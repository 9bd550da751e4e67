import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ADJECTIVES, NOUNS } from '../../src/contract/room-code-words.js';
import {
  ROOM_CODE_PATTERN,
  generateRoomCode,
  isRoomCode,
  normalizeRoomCode,
  parseRoomReference,
} from '../../src/contract/room-code.js';

test('word lists are large, unique and fit the code pattern', () => {
  assert.ok(ADJECTIVES.length * NOUNS.length >= 100_000, 'at least 100k codes');
  assert.equal(new Set(ADJECTIVES).size, ADJECTIVES.length);
  assert.equal(new Set(NOUNS).size, NOUNS.length);
  for (const adjective of ADJECTIVES)
    for (const noun of NOUNS.slice(0, 3)) assert.match(`${adjective}-${noun}`, ROOM_CODE_PATTERN);
  for (const noun of NOUNS) assert.match(`STELLAR-${noun}`, ROOM_CODE_PATTERN);
});

test('generated codes are canonical and spread over the space', () => {
  const codes = new Set(Array.from({ length: 2000 }, () => generateRoomCode()));
  for (const code of codes) assert.ok(isRoomCode(code), code);
  assert.ok(codes.size > 1950, `expected few collisions in 2000 draws, got ${2000 - codes.size}`);
});

test('normalization accepts what people type and rejects the rest', () => {
  const cases: [string, string | null][] = [
    ['STELLAR-PHOENIX', 'STELLAR-PHOENIX'],
    ['stellar-phoenix', 'STELLAR-PHOENIX'],
    ['  Stellar Phoenix  ', 'STELLAR-PHOENIX'],
    ['stellar_phoenix', 'STELLAR-PHOENIX'],
    ['stellar—phoenix', 'STELLAR-PHOENIX'],
    ['stellar', null],
    ['stellar-phoenix-extra', null],
    ['ab-cd', null],
    ['stel1ar-phoenix', null],
    ['', null],
  ];
  for (const [input, expected] of cases) assert.equal(normalizeRoomCode(input), expected, JSON.stringify(input));
});

test('invite links and codes are both room references', () => {
  assert.equal(parseRoomReference('https://meet.example/r/stellar-phoenix'), 'STELLAR-PHOENIX');
  assert.equal(parseRoomReference('https://meet.example/page?room=STELLAR-PHOENIX#x'), 'STELLAR-PHOENIX');
  assert.equal(parseRoomReference('brave otter'), 'BRAVE-OTTER');
  assert.equal(parseRoomReference('https://meet.example/r/not-a-code-at-all'), null);
  assert.equal(parseRoomReference('javascript:alert(1)'), null);
});
