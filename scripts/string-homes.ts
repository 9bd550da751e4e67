/**
 * The CDN build's check that a string moved into a lazy chunk's catalog (compact-catalogs.ts) is only ever shown by
 * code that has that chunk: the chunk itself, or one that imports it. Read from the minified chunks as they will be
 * served, so a key written anywhere in our sources, spelled out or built from pieces, is seen where it ends up.
 */

export interface ChunkCode {
  fileName: string;
  code: string;
  /** File names of the chunks it imports statically. */
  imports: string[];
  moduleIds: string[];
}

export interface StringHome {
  /** The catalog module (src/i18n/en-host.ts …); the chunk holding it is the strings' home. */
  module: RegExp;
  keys: string[];
}

/** `chunk` and every chunk it imports, directly or not: what is loaded whenever it runs. */
function loadedWith(chunk: ChunkCode, byName: Map<string, ChunkCode>): Set<string> {
  const found = new Set<string>();
  const visit = (name: string): void => {
    if (found.has(name)) return;
    found.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  visit(chunk.fileName);
  return found;
}

/**
 * The pieces a chunk builds keys from: a template's text up to its first interpolation when it ends at a key's
 * separator (`check.step.${step}`), and the text after an interpolation when it starts at one (`${kind}.badge`).
 */
function keyPieces(code: string): { heads: string[]; tails: string[] } {
  const heads = [...code.matchAll(/`([^`$\\]*[.-])\$\{/g)].map((match) => match[1]!);
  const tails = [...code.matchAll(/\}([.-][^`${}\\]*)`/g)].map((match) => match[1]!);
  return { heads, tails };
}

function refersTo(code: string, pieces: { heads: string[]; tails: string[] }, key: string): boolean {
  return (
    ['`', "'", '"'].some((quote) => code.includes(`${quote}${key}${quote}`)) ||
    pieces.heads.some((head) => key.startsWith(head)) ||
    pieces.tails.some((tail) => key.endsWith(tail))
  );
}

/** `key: chunk` for each string a chunk without the string's home refers to; empty when every string is at home. */
export function misplacedStrings(chunks: ChunkCode[], homes: StringHome[]): string[] {
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const misplaced: string[] = [];
  for (const { module, keys } of homes) {
    if (keys.length === 0) continue;
    const home = chunks.find((chunk) => chunk.moduleIds.some((id) => module.test(id)));
    if (!home) {
      misplaced.push(`${keys.join(', ')}: no chunk holds ${module}`);
      continue;
    }
    for (const chunk of chunks) {
      if (loadedWith(chunk, byName).has(home.fileName)) continue;
      const pieces = keyPieces(chunk.code);
      for (const key of keys) if (refersTo(chunk.code, pieces, key)) misplaced.push(`${key}: ${chunk.fileName}`);
    }
  }
  return misplaced;
}
