/**
 * The background choice is remembered in this browser: written when chosen (none as nothing at all, so the next visit
 * loads none of the processing), read back on the next visit, and nothing unexpected in storage becomes a choice.
 * Node has no localStorage: the session falls back to memory, the same path as a browser that blocks storage.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { BACKGROUND_KEY, rememberedBackground } from '../../src/core/background-choice.js';
import { canProcessBackground } from '../../src/core/background-support.js';
import { remembered } from '../../src/core/background/background.js';
import { defaultStorage } from '../../src/core/credential-store.js';
import { RoomSession } from '../../src/core/room-session.js';

afterEach(() => defaultStorage().removeItem(BACKGROUND_KEY));

test('a fresh browser remembers nothing, and its choice is none', () => {
  assert.equal(rememberedBackground(), false);
  assert.equal(remembered(defaultStorage()), 'none');
  assert.equal(new RoomSession().snapshot.background, 'none');
});

test('choosing blur puts it in the snapshot and remembers it for the next visit', async () => {
  const session = new RoomSession();
  await session.setBackground('blur');
  assert.equal(session.snapshot.background, 'blur');
  assert.equal(rememberedBackground(), true, 'the next visit knows to load the processing');
  assert.equal(remembered(defaultStorage()), 'blur');
  session.dispose();
});

test('an image is remembered with its name', async () => {
  const session = new RoomSession();
  await session.setBackground({ image: 'dusk.svg' });
  assert.deepEqual(remembered(defaultStorage()), { image: 'dusk.svg' });
  session.dispose();
});

test('choosing none again forgets the choice entirely', async () => {
  const session = new RoomSession();
  await session.setBackground('blur');
  await session.setBackground('none');
  assert.equal(session.snapshot.background, 'none');
  assert.equal(defaultStorage().getItem(BACKGROUND_KEY), null);
  assert.equal(rememberedBackground(), false);
  session.dispose();
});

test('what this version does not understand is no choice', () => {
  for (const stored of ['not json', '42', '{"image":3}', 'null', '"sepia"']) {
    defaultStorage().setItem(BACKGROUND_KEY, stored);
    assert.equal(remembered(defaultStorage()), 'none', stored);
  }
});

test('without video frames and WebGL (here, Node) the browser cannot process the camera', () => {
  assert.equal(canProcessBackground(), false);
});
