/**
 * A Vite plugin for the CDN build that keeps strings out of the up-front bytes:
 * - English is split: the strings of the screens a page shows before a call (keys starting with one of
 *   `UP_FRONT_PREFIXES`) stay in en.ts, in the entry; the in-call ones move to en-in-call.ts, a chunk the elements fetch
 *   when the first of them renders (src/i18n/index.ts), long before a call view needs them. The strings only a lazy
 *   chunk shows (`CHUNK_CATALOGS`: the host's elements, the call's extras, the pre-call check) travel in that chunk.
 * - A shipped language's chunk (de.ts, es.ts, fr.ts) carries its strings as a list in the order of the English keys,
 *   without the keys, and gets them back from the two English modules: about 1 KB gzip less per language. Only the
 *   strings of those lazy chunks keep their keys, as the language's chunk does not load the chunks.
 *
 * The sources stay keyed objects (readable, type-checked, tested key by key) with every English string in en.ts; only
 * the built chunks change. Key order and lists come from the same build, so they cannot drift; a key a catalog lacks
 * is a hole that falls back to English.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';
import type { Plugin } from 'vite';
import { misplacedStrings, type ChunkCode } from './string-homes.js';

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

/**
 * Strings that travel in the lazy chunk that shows them (src/i18n/<file>.ts, which that chunk's root adds to English)
 * rather than with the in-call ones: keys under `prefixes`, less those another chunk shows too (`except`: keys, or
 * prefixes ending in a dot). The build fails if a chunk that neither is nor imports a string's home refers to it
 * (string-homes.ts).
 */
export const CHUNK_CATALOGS = [
  { file: 'en-check', exportName: 'enCheck', prefixes: ['check.'], except: [] },
  {
    file: 'en-extras',
    exportName: 'enExtras',
    prefixes: ['chat.', 'unmute.', 'pop-out.'],
    // The control bar's Pop out button.
    except: ['pop-out.button'],
  },
  {
    file: 'en-host',
    exportName: 'enHost',
    prefixes: ['invite.', 'host.', 'recording.', 'stream.', 'people.'],
    // The control bar's knock badge, the Recording and Live badges of every call screen (the extras chunk), and what
    // a tile's menu says (a tile offers a host's actions, and asks before removing someone).
    except: [
      'host.knock',
      'host.knocks',
      'recording.badge',
      'recording.badge.label',
      'stream.badge',
      'stream.badge.label',
      'people.actions',
      'people.action.',
      'people.done.',
      'people.kick.',
    ],
  },
  { file: 'en-recorder', exportName: 'enRecorder', prefixes: ['recorder.'], except: [] },
] as const;

const CATALOG = /[\\/]src[\\/]i18n[\\/]([a-z]{2,3}|en-[a-z-]+)\.ts$/;

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

type Entries = [string, string][];

/** Which chunk catalog a key travels in, if any. */
function chunkCatalogOf(key: string): (typeof CHUNK_CATALOGS)[number] | undefined {
  return CHUNK_CATALOGS.find(
    ({ prefixes, except }) =>
      prefixes.some((prefix) => key.startsWith(prefix)) &&
      !(except as readonly string[]).some((kept) => key === kept || (kept.endsWith('.') && key.startsWith(kept))),
  );
}

/** The English catalog split: up front, in-call and each chunk's, each in the source's key order. */
async function englishParts(
  dir: string,
): Promise<{ upFront: Entries; inCall: Entries; byChunk: Map<string, Entries> }> {
  const entries = Object.entries(await evaluate(join(dir, 'en.ts')));
  const isUpFront = ([key]: [string, string]) =>
    !IN_CALL_KEYS.has(key) && UP_FRONT_PREFIXES.some((prefix) => key.startsWith(prefix));
  const byChunk = new Map<string, Entries>(CHUNK_CATALOGS.map(({ file }) => [file, []]));
  const upFront: Entries = [];
  const inCall: Entries = [];
  for (const entry of entries) {
    const chunk = chunkCatalogOf(entry[0]);
    if (chunk) byChunk.get(chunk.file)!.push(entry);
    else (isUpFront(entry) ? upFront : inCall).push(entry);
  }
  return { upFront, inCall, byChunk };
}

export function compactCatalogs(): Plugin {
  let english: Awaited<ReturnType<typeof englishParts>> | undefined;
  return {
    name: 'hashdrop-compact-catalogs',
    async load(id) {
      const name = CATALOG.exec(id)?.[1];
      if (!name) return null;
      english = await englishParts(dirname(id));
      if (name === 'en') return `export const en = ${JSON.stringify(Object.fromEntries(english.upFront))};`;
      if (name === 'en-in-call')
        return `export const enInCall = ${JSON.stringify(Object.fromEntries(english.inCall))};`;
      const chunkCatalog = CHUNK_CATALOGS.find(({ file }) => file === name);
      if (chunkCatalog) {
        const strings = Object.fromEntries(english.byChunk.get(chunkCatalog.file)!);
        return `export const ${chunkCatalog.exportName} = ${JSON.stringify(strings)};`;
      }
      const catalog = await evaluate(id);
      const values = [...english.upFront, ...english.inCall].map(([key]) => catalog[key] ?? null);
      const keyed = [...english.byChunk.values()].flat().filter(([key]) => catalog[key] !== undefined);
      return [
        `import { en } from './en.js';`,
        `import { enInCall } from './en-in-call.js';`,
        `const values = ${JSON.stringify(values)};`,
        `export const ${name} = ${JSON.stringify(Object.fromEntries(keyed.map(([key]) => [key, catalog[key]])))};`,
        `[...Object.keys(en), ...Object.keys(enInCall)].forEach((key, i) => { if (values[i] !== null) ${name}[key] = values[i]; });`,
      ].join('\n');
    },
    generateBundle(_options, bundle) {
      if (!english) return;
      // A language's chunk holds every key (its translations), and shows none.
      const isTranslation = (id: string) => {
        const name = CATALOG.exec(id)?.[1];
        return name !== undefined && name !== 'en' && !name.startsWith('en-');
      };
      const chunks: ChunkCode[] = Object.values(bundle).flatMap((output) =>
        output.type === 'chunk' && !output.moduleIds.some(isTranslation)
          ? [{ fileName: output.fileName, code: output.code, imports: output.imports, moduleIds: output.moduleIds }]
          : [],
      );
      const homes = CHUNK_CATALOGS.map(({ file }) => ({
        module: new RegExp(`[\\\\/]src[\\\\/]i18n[\\\\/]${file}\\.ts$`),
        keys: english!.byChunk.get(file)!.map(([key]) => key),
      }));
      const misplaced = misplacedStrings(chunks, homes);
      if (misplaced.length > 0) {
        this.error(
          `Strings shown outside the chunk they travel in (add them to CHUNK_CATALOGS' except):\n${misplaced.join('\n')}`,
        );
      }
    },
  };
}
