/**
 * The published shape of the package, against the built output (`npm run build`): every `exports` entry points at a
 * file that exists and has types; the browser entries import in Node without a DOM (SSR) and without throwing; the
 * npm build keeps lit and livekit-client external so apps dedupe them, and the CDN build has no bare imports at all.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type ExportTarget = string | { types?: string; default?: string; node?: string };
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { exports: Record<string, ExportTarget> };

test('every export resolves to a built file with type declarations', () => {
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    if (typeof target === 'string') {
      assert.ok(existsSync(target), `${subpath} → ${target} exists`);
      continue;
    }
    const code = target.default ?? target.node;
    assert.ok(code && existsSync(code), `${subpath} → ${code} exists`);
    assert.ok(target.types && existsSync(target.types), `${subpath} → ${target.types} exists`);
  }
});

test('browser entries import in Node without a DOM (server-side rendering) and define nothing twice', async () => {
  const entries = Object.entries(pkg.exports)
    .filter(([subpath]) => subpath !== './server' && !subpath.endsWith('.json'))
    .map(([, target]) => (typeof target === 'string' ? target : target.default!));
  for (const entry of entries) {
    await assert.doesNotReject(import(pathToFileURL(entry).href), `importing ${entry}`);
  }
  const module = (await import(pathToFileURL('dist/npm/index.js').href)) as Record<string, unknown>;
  assert.ok(Object.keys(module).length > 0, 'the main entry exports its API');
});

test('the npm build leaves dependencies external and the CDN build leaves nothing bare', () => {
  const files = (dir: string) =>
    readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.js'))
      .map((file) => readFileSync(join(dir, file), 'utf8'));
  const bare = /\bfrom\s*["']([^"'./][^"']*)["']|\bimport\(\s*["']([^"'./][^"']*)["']\s*\)/g;
  // Only text that is a package specifier counts (minified code also contains `from "${…}"` inside strings).
  const specifier = /^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(\/[\w./-]*)?$/i;
  const importsOf = (dir: string) =>
    files(dir)
      .flatMap((text) => [...text.matchAll(bare)].map((m) => m[1] ?? m[2]))
      .filter((id): id is string => !!id && (specifier.test(id) || id.startsWith('node:')));
  const npmImports = new Set(importsOf('dist/npm'));
  assert.ok(npmImports.has('lit'), 'lit is imported, not bundled');
  assert.ok(npmImports.has('livekit-client'), 'livekit-client is imported, not bundled');
  const dependencies = Object.keys(
    (JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: object }).dependencies,
  );
  for (const id of npmImports) {
    const allowed = id.startsWith('node:') || dependencies.some((name) => id === name || id.startsWith(`${name}/`));
    assert.ok(allowed, `the npm build imports ${id}, which is not a dependency`);
  }
  const cdnImports = importsOf('dist/cdn');
  assert.deepEqual(cdnImports, [], 'the CDN build is self-contained');
});
