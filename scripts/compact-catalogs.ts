/**
 * A Vite plugin for the CDN build that keeps strings out of the up-front bytes:
 * - English is split: the strings of the screens a page shows before a call (keys starting with one of
 *   `UP_FRONT_PREFIXES`) stay in en.ts, in the entry; the in-call ones move to en-in-call.ts, a chunk the elements fetch
 *   when the first of them renders (src/i18n/index.ts), long before a call view needs them.
 * - A shipped language's chunk (de.ts, es.ts, fr.ts) carries its strings as a list in the order of the English keys,
 *   without the keys, and gets them back from the two English modules: about 1 KB gzip less per language.
 *
 * The sources stay keyed objects (readable, type-checked, tested key by key) with every English string in en.ts; only
 * the built chunks change. Key order and lists come from the same build, so they cannot drift; a key a catalog lacks
 * is a hole that falls back to English.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Keys the room, pre-join and lobby show before anything else loads. Any other key — in-call strings, and the
 * error screen's `error.*`, which the room shows only after a request failed — comes with en-in-call.
 */
export const UP_FRONT_PREFIXES = ['status.', 'room.', 'prejoin.', 'lobby.'];

/** Keys under those prefixes that only the call screen and its control bar show (both arrive with the call chunk). */
export const IN_CALL_KEYS = new Set([
  'room.in-call.title',
  'room.leave',
  'room.end-for-all',
  'room.sidebar',
  'room.reconnecting',
]);

const CATALOG = /[\\/]src[\\/]i18n[\\/]([a-z]{2,3}|en-in-call)\.ts$/;

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

/** The English catalog split in two, each in the source's key order. */
async function englishParts(dir: string): Promise<{ upFront: [string, string][]; inCall: [string, string][] }> {
  const entries = Object.entries(await evaluate(join(dir, 'en.ts')));
  const isUpFront = ([key]: [string, string]) =>
    !IN_CALL_KEYS.has(key) && UP_FRONT_PREFIXES.some((prefix) => key.startsWith(prefix));
  return { upFront: entries.filter(isUpFront), inCall: entries.filter((entry) => !isUpFront(entry)) };
}

export function compactCatalogs(): Plugin {
  return {
    name: 'hashdrop-compact-catalogs',
    async load(id) {
      const name = CATALOG.exec(id)?.[1];
      if (!name) return null;
      const english = await englishParts(dirname(id));
      if (name === 'en') return `export const en = ${JSON.stringify(Object.fromEntries(english.upFront))};`;
      if (name === 'en-in-call')
        return `export const enInCall = ${JSON.stringify(Object.fromEntries(english.inCall))};`;
      const catalog = await evaluate(id);
      const values = [...english.upFront, ...english.inCall].map(([key]) => catalog[key] ?? null);
      return [
        `import { en } from './en.js';`,
        `import { enInCall } from './en-in-call.js';`,
        `const values = ${JSON.stringify(values)};`,
        `export const ${name} = {};`,
        `[...Object.keys(en), ...Object.keys(enInCall)].forEach((key, i) => { if (values[i] !== null) ${name}[key] = values[i]; });`,
      ].join('\n');
    },
  };
}
