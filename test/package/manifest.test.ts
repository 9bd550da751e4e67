/**
 * custom-elements.json is as exact as the code: every public attribute, property and method of every element is
 * described, custom states are listed as states, modules that define an element declare only elements, and modules
 * come in a stable order (so two runs of the analyzer agree).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

interface Item {
  name: string;
  kind?: string;
  description?: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration extends Item {
  customElement?: boolean;
  tagName?: string;
  attributes?: Item[];
  members?: Item[];
  cssStates?: Item[];
}
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as {
  modules: { path: string; declarations?: Declaration[] }[];
};
const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);

test('every public attribute, property and method of every element is described', () => {
  assert.ok(elements.length >= 10);
  const undescribed = elements.flatMap((element) => [
    ...(element.attributes ?? []).filter((a) => !a.description?.trim()).map((a) => `${element.tagName} [${a.name}]`),
    ...(element.members ?? [])
      .filter((m) => (m.privacy ?? 'public') === 'public' && !m.static && !m.name.startsWith('#'))
      .filter((m) => !m.description?.trim())
      .map((m) => `${element.tagName} .${m.name}`),
  ]);
  assert.deepEqual(undescribed, []);
});

test('custom states are @cssstate entries, not prose', () => {
  const room = elements.find((element) => element.tagName === 'hashdrop-room')!;
  const states = (room.cssStates ?? []).map((state) => state.name);
  for (const state of ['pre-join', 'in-room', 'ended', 'invalid']) assert.ok(states.includes(state), state);
  for (const element of elements) {
    assert.doesNotMatch(element.description ?? '', /Custom states:/, element.tagName);
    for (const state of element.cssStates ?? [])
      assert.ok(state.description?.trim(), `${element.tagName} ${state.name}`);
  }
});

test('a module that defines an element declares only elements (no helper functions)', () => {
  for (const module of manifest.modules) {
    const declarations = module.declarations ?? [];
    if (!declarations.some((d) => d.tagName)) continue;
    assert.deepEqual(
      declarations.filter((d) => !d.customElement).map((d) => d.name),
      [],
      module.path,
    );
  }
});

test('modules are in a stable order (by path)', () => {
  const paths = manifest.modules.map((module) => module.path);
  assert.deepEqual(paths, [...paths].sort());
});
