/**
 * `hashdrop/react` and `hashdrop/vue` are generated from custom-elements.json by scripts/framework-types.ts; these
 * checks fail when the committed typings are stale or stop covering an element, attribute or event.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { FRAMEWORK_TYPE_FILES, manifestElements, staleFrameworkTypings } from '../../scripts/framework-types.js';

test('the committed React and Vue typings are what the manifest makes now', async () => {
  assert.deepEqual(await staleFrameworkTypings(), [], 'run `npm run types:frameworks` and commit the result');
});

test('every element, attribute and event of the manifest is typed for React and Vue', () => {
  const elements = manifestElements(readFileSync('custom-elements.json', 'utf8'));
  assert.ok(elements.some((element) => element.tagName === 'hashdrop-room'));
  const react = readFileSync(FRAMEWORK_TYPE_FILES.react, 'utf8');
  const vue = readFileSync(FRAMEWORK_TYPE_FILES.vue, 'utf8');
  for (const element of elements) {
    assert.match(react, new RegExp(`'${element.tagName}': ${element.name}Props;`));
    assert.match(vue, new RegExp(`'${element.tagName}': DefineComponent<${element.name}Props>;`));
    for (const attribute of element.attributes) {
      assert.match(react, new RegExp(`\\s'?${attribute.name}'?\\?: HTMLElementTagNameMap`), attribute.name);
    }
    for (const event of element.events) assert.ok(react.includes(`'on${event.name}'?:`), event.name);
  }
});

test('the package exports the typings as hashdrop/react and hashdrop/vue', () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
    exports: Record<string, { types?: string }>;
    files: string[];
  };
  assert.equal(pkg.exports['./react']?.types, `./${FRAMEWORK_TYPE_FILES.react}`);
  assert.equal(pkg.exports['./vue']?.types, `./${FRAMEWORK_TYPE_FILES.vue}`);
  assert.ok(pkg.files.includes('src/frameworks'), 'the typings are published');
});

test('the React typings reject a wrong value of an enumerated attribute (<hashdrop-room theme="blue">)', () => {
  // test/package/react-typings.tsx marks each wrong value with @ts-expect-error: a typing that accepted it would leave
  // that directive unused, which is an error of its own (TS2578).
  const file = 'test/package/react-typings.tsx';
  assert.match(readFileSync(file, 'utf8'), /@ts-expect-error[^\n]*\n\s*<hashdrop-room key="a" theme="blue" \/>/);
  const config = ts.getParsedCommandLineOfConfigFile(
    'tsconfig.json',
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  assert.ok(config, 'tsconfig.json parses');
  const program = ts.createProgram([file], config.options);
  const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
  const messages = diagnostics.map((d) => `${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
  assert.deepEqual(messages, []);
});
