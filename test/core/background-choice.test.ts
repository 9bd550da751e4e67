/**
 * The background choice is remembered in this browser: written when chosen (none as nothing at all), read back on the
 * next visit (the pre-join's choice restores it, see background-choice.test.ts in test/elements), and nothing
 * unexpected in storage becomes a choice.
 * Node has no localStorage: the session falls back to memory, the same path as a browser that blocks storage.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { BACKGROUND_KEY, rememberedBackground } from '../../src/core/background-choice.js';
import { canProcessBackground } from '../../src/core/background-support.js';
import { defaultStorage } from '../../src/core/credential-store.js';
import { RoomSession } from '../../src/core/room-session.js';

afterEach(() => defaultStorage().removeItem(BACKGROUND_KEY));

test('a fresh browser remembers nothing, and its choice is none', () => {
  assert.equal(rememberedBackground(), 'none');
  assert.equal(new RoomSession().snapshot.background, 'none');
});

test('choosing blur puts it in the snapshot and remembers it for the next visit', async () => {
  const session = new RoomSession();
  await session.setBackground('blur');
  assert.equal(session.snapshot.background, 'blur');
  assert.equal(rememberedBackground(), 'blur');
  session.dispose();
});

test('an image is remembered with its name', async () => {
  const session = new RoomSession();
  await session.setBackground({ image: 'dusk.svg' });
  assert.deepEqual(rememberedBackground(), { image: 'dusk.svg' });
  session.dispose();
});

test('choosing none again forgets the choice entirely', async () => {
  const session = new RoomSession();
  await session.setBackground('blur');
  await session.setBackground('none');
  assert.equal(session.snapshot.background, 'none');
  assert.equal(defaultStorage().getItem(BACKGROUND_KEY), null, 'the next visit loads none of it');
  session.dispose();
});

test('what this version does not understand is no choice', () => {
  for (const stored of ['not json', '42', '{"image":3}', 'null', '"sepia"']) {
    defaultStorage().setItem(BACKGROUND_KEY, stored);
    assert.equal(rememberedBackground(), 'none', stored);
  }
});

test('without video frames and WebGL (here, Node) the browser cannot process the camera', () => {
  assert.equal(canProcessBackground(), false);
});
