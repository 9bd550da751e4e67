/**
 * A Vite plugin for the CDN build: a shipped language's chunk (src/i18n/de.ts, es.ts, fr.ts) carries its strings as a
 * list in the order of the English catalog's keys, without the keys, and gets the keys back from the English catalog
 * that is in the entry already. That is about 1 KB gzip less per language, which keeps the whole bundle in its budget.
 *
 * The sources stay keyed objects (readable, type-checked, tested key by key); only the built chunk changes. Both lists
 * come from the same build, so the order cannot drift; a key a catalog lacks is a hole that falls back to English.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

const CATALOG = /[\\/]src[\\/]i18n[\\/]([a-z]{2,3})\.ts$/;

/** Evaluates a catalog module (plain data; its only import is a type) and returns its one exported object. */
async function evaluate(file: string): Promise<Record<string, string>> {
  const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  const module = (await import(`data:text/javascript,${encodeURIComponent(outputText)}`)) as Record<string, unknown>;
  const exported = Object.values(module);
  if (exported.length !== 1) throw new Error(`${file} must export exactly one catalog object`);
  return exported[0] as Record<string, string>;
}

export function compactCatalogs(): Plugin {
  return {
    name: 'hashdrop-compact-catalogs',
    async load(id) {
      const lang = CATALOG.exec(id)?.[1];
      if (!lang || lang === 'en') return null;
      const catalog = await evaluate(id);
      const keys = Object.keys(await evaluate(join(dirname(id), 'en.ts')));
      const values = keys.map((key) => catalog[key] ?? null);
      return [
        `import { en } from './en.js';`,
        `const values = ${JSON.stringify(values)};`,
        `export const ${lang} = {};`,
        `Object.keys(en).forEach((key, i) => { if (values[i] !== null) ${lang}[key] = values[i]; });`,
      ].join('\n');
    },
  };
}
