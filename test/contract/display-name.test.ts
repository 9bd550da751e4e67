import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v from 'valibot';
import { checkDisplayName, DISPLAY_NAME_MAX } from '../../src/contract/display-name.js';
import { DisplayName } from '../../src/contract/schemas.js';

// The browser checks names with checkDisplayName (no schema library); the endpoint with the valibot schema. Both must
// give the same verdict, value and message for every input, or a name could pass one side and fail the other.
const inputs: unknown[] = [
  'Ada',
  '  Ada Lovelace  ',
  '',
  '   ',
  'x'.repeat(DISPLAY_NAME_MAX),
  'x'.repeat(DISPLAY_NAME_MAX + 1),
  ` ${'x'.repeat(DISPLAY_NAME_MAX)} `,
  'tab\there',
  'bell\u0007',
  'del\u007f',
  'Zoë 🎉',
  'مرحبا',
  42,
  null,
  undefined,
  ['Ada'],
];

test('the browser rule and the endpoint schema agree on every input', () => {
  for (const input of inputs) {
    const browser = checkDisplayName(input);
    const server = v.safeParse(DisplayName, input);
    assert.equal(browser.ok, server.success, `verdict for ${JSON.stringify(input)}`);
    if (browser.ok && server.success) assert.equal(browser.value, server.output);
    if (!browser.ok && !server.success) assert.equal(browser.message, server.issues[0].message);
  }
});

test('names are trimmed and limited', () => {
  assert.deepEqual(checkDisplayName('  Ada  '), { ok: true, value: 'Ada' });
  assert.equal(checkDisplayName('x'.repeat(DISPLAY_NAME_MAX + 1)).ok, false);
  assert.equal(checkDisplayName('a\nb').ok, false);
});
