/** The CDN build's check that livekit-client, compiled from its sources, assigns its class fields as the SDK does. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAst } from 'rolldown/parseAst';
import { definedClassFields } from '../../scripts/livekit-from-source.js';

const fields = (code: string) => definedClassFields(parseAst(code));

test('fields assigned in the constructor, and static blocks, are not defined fields', () => {
  assert.deepEqual(fields('class A extends B { constructor() { super(); this.x = 1; } static { this.y = 2; } }'), []);
});

test('defined fields are named, with or without an initializer, static or not, in nested classes too', () => {
  assert.deepEqual(fields('class A { x; y = 1; static z = 2; m() { return class { inner; }; } }'), [
    'x',
    'y',
    'z',
    'inner',
  ]);
});

test('private fields are left alone: they have no assignment form', () => {
  assert.deepEqual(fields('class A { #secret = 1; get secret() { return this.#secret; } }'), []);
});
