/**
 * Two library builds of the same sources:
 * - `--mode cdn`: dist/cdn/hashdrop.js, a self-contained minified ES module for a plain <script type="module">. Code the
 *   pre-join screen does not need is split into lazy chunks beside it, fetched relative to the entry's own URL only
 *   when needed: livekit-client and the `call` chunk (the call screen and connection, see callChunkName) once a call
 *   may start, the QR encoder when a QR code is shown, another language when a page speaks it.
 * - `--mode npm`: dist/npm, unminified ES modules, one per source file, with every dependency external so apps dedupe
 *   lit and livekit-client. Includes the Node-only server entry.
 * Type declarations come from `tsc -p tsconfig.build.json`.
 */
import { defineConfig, type Plugin } from 'vite';
import type { ChunkingContext, CodeSplittingNameFunction } from 'rolldown';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { resolve } from 'node:path';
import { backgroundAssets } from './scripts/background-assets.js';
import { compactCatalogs } from './scripts/compact-catalogs.js';
import { compactTemplateLiterals } from './scripts/compact-template-literals.js';
import {
  classFieldsAssigned,
  livekitSourceAlias,
  oneLivekitFromSource,
  withoutE2eeManager,
} from './scripts/livekit-from-source.js';

/** One entry per element: `src/elements/<name>/define.ts` → `elements/<name>/define`. */
const elementEntries = Object.fromEntries(
  readdirSync('src/elements', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(`src/elements/${entry.name}/define.ts`))
    .map((entry) => [`elements/${entry.name}/define`, `src/elements/${entry.name}/define.ts`]),
);

/** Only the package's own dependencies stay external; compiler helpers (decorators) are bundled in. */
const { dependencies = {} } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  dependencies?: Record<string, string>;
};
const isDependency = (id: string) => Object.keys(dependencies).some((name) => id === name || id.startsWith(`${name}/`));
const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Vite wraps every dynamic import in a helper that preloads the chunk's dependencies with <link rel="modulepreload">,
 * and keeps the helper (≈ 1.7 KB min) even with `modulePreload: false`, when it has nothing to preload. This build
 * preloads nothing (a chunk's imports load with it), so the helper becomes a plain call of the import.
 */
function withoutPreloadHelper(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'hashdrop:without-preload-helper',
    enforce: 'pre',
    resolveId: (source) => (source === id ? id : null),
    load: (source) => (source === id ? 'export const __vitePreload = (load) => load();' : null),
  };
}

/** Our one import of livekit-client: with all it imports, the `livekit-sdk` chunk. */
const LIVEKIT_SDK = 'src/core/livekit-sdk.ts';
/** Our modules and Lit's: what the call screen and the call's connection are made of. */
const CALL_CHUNK = /[\\/](src[\\/](elements|core|contract|i18n)|node_modules[\\/](lit|lit-html|@lit|@lit-labs))[\\/]/;
/**
 * Loaded at other moments, or by some pages only: livekit-client (the `livekit-sdk` chunk), other languages, the QR
 * encoder, the recorder (only Egress' recorder page shows it), the background processing (only once someone turns it
 * on), and a plain token endpoint's client (only pages without our endpoint use one).
 */
const NOT_CALL_CHUNK =
  /livekit-client|livekit-sdk|[\\/]i18n[\\/](de|es|fr)\.ts|qr-image|uqr|[\\/]elements[\\/]recorder[\\/]|[\\/]core[\\/]background[\\/]|token-endpoint-client/;

/**
 * Lazy chunks of their own, each made of its roots and what only they use, so a page that never needs them never
 * fetches them: `extras`, what a call shows only once it has something to show (the chat panel, reactions, captions,
 * the Recording and Live badges) and popping the call out (once Pop out is pointed at or focused); `check`,
 * the pre-call check (pre-join's button) and its connection test; `host`, the host's elements (a guest's call never
 * fetches it); `tags`, what defines our tags placed on a page by themselves (and the tile list, which only such a page
 * shows). In this order: a module two of them use goes to the first, which the later one then imports (a host's panel
 * shows the Recording badge, so `host` imports `extras`, never the other way round). The pop-out rides with the extras
 * rather than alone: a dynamic import of pop-out.ts by itself made Rolldown split the entry into shared chunks.
 */
const OWN_CHUNKS = [
  { name: 'extras', root: 'src/elements/call-extras.ts' },
  // Reading chat and captions: the call fetches each with its first stream (stream-inbox.ts), as the call screen does
  // the chat panel and the captions.
  { name: 'extras', root: 'src/core/chat.ts' },
  { name: 'extras', root: 'src/core/caption-stream.ts' },
  { name: 'check', root: 'src/elements/precall-check/define.ts' },
  { name: 'check', root: 'src/core/connection-check.ts' },
  { name: 'host', root: 'src/elements/host-elements.ts' },
  { name: 'tags', root: 'src/elements/on-demand.ts' },
] as const;

/** `roots` and every module they import, directly or not: statically only, or (`lazy`) through `import()` too. */
function closure(ctx: ChunkingContext, roots: string[], lazy = false): Set<string> {
  const found = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const id = queue.pop()!;
    if (found.has(id)) continue;
    found.add(id);
    const info = ctx.getModuleInfo(id);
    queue.push(...(info?.importedIds ?? []), ...((lazy && info?.dynamicallyImportedIds) || []));
  }
  return found;
}

/**
 * Which of OWN_CHUNKS each module goes to: those imported (statically) from a chunk's root but from no other part of
 * the page, neither the entry nor any lazily imported module outside OWN_CHUNKS. A module the call uses too stays in
 * `call`; were it in one of these, the call chunk would import that chunk.
 */
function ownChunkOf(ctx: ChunkingContext, entry: string): Map<string, string> {
  const roots = new Set(
    OWN_CHUNKS.map(({ root }) => {
      const id = resolve(root);
      if (!ctx.getModuleInfo(id)) throw new Error(`callChunkName: ${root} is not in the module graph`);
      return id;
    }),
  );
  // Every root of a lazy import in the page, whatever imports it, but these chunks' own and those of chunks that load
  // at other moments (the recorder imports the reactions; it may import them from `extras`).
  const lazyRoots = [...closure(ctx, [resolve(entry)], true)]
    .flatMap((id) => ctx.getModuleInfo(id)?.dynamicallyImportedIds ?? [])
    .filter((id) => !roots.has(id) && !NOT_CALL_CHUNK.test(id));
  const elsewhere = closure(ctx, [resolve(entry), ...lazyRoots]);
  const chunkOf = new Map<string, string>();
  for (const { name, root } of OWN_CHUNKS) {
    for (const id of closure(ctx, [resolve(root)])) if (!elsewhere.has(id) && !chunkOf.has(id)) chunkOf.set(id, name);
  }
  return chunkOf;
}

/**
 * The CDN build's one lazy `call` chunk: every module of ours (and Lit's) that the entry does not carry (but the
 * background processing's, which with track-processors makes the `background` chunk by itself). Left to
 * itself, the bundler makes a chunk per set of dynamic imports sharing a module (two dozen files of 0.2–6 KB, each
 * compressed on its own and each a request), though a call loads them all at once: the call screen, the connection,
 * the chat, the in-call strings. Merged, they compress together (≈ 9 KB gzip less). The price: a page that uses only
 * a lazily defined element outside a room loads the whole call chunk for it (an invite on a landing page: the call
 * chunk and the host chunk, which holds the invite).
 * Modules the entry imports statically (directly or not) stay in the entry: they are needed up front. What only the
 * call's extras, the pre-call check or a host's elements use are chunks of their own (OWN_CHUNKS).
 */
function callChunkName(entry: string): CodeSplittingNameFunction {
  let upfront: Set<string> | null = null;
  let ownChunk: Map<string, string> | null = null;
  let sdk: Set<string> | null = null;
  return (id, ctx) => {
    // A wrong path would make every module "lazy", and the entry would import the call chunk statically.
    if (!ctx.getModuleInfo(resolve(entry))) throw new Error(`callChunkName: ${entry} is not in the module graph`);
    // The module graph is complete by now.
    upfront ??= closure(ctx, [resolve(entry)]);
    ownChunk ??= ownChunkOf(ctx, entry);
    sdk ??= closure(ctx, [resolve(LIVEKIT_SDK)]);
    // livekit-client and its dependencies in one chunk with our import of it: background blur's processor imports the
    // package too, and left alone the bundler splits it out, so a call would fetch our tiny re-export first, then the
    // SDK (and the SDK's dependencies, from its sources, in a chunk of their own).
    if (sdk.has(id) && !upfront.has(id)) return 'livekit-sdk';
    if (!CALL_CHUNK.test(id) || NOT_CALL_CHUNK.test(id) || upfront.has(id)) return null;
    return ownChunk.get(id) ?? 'call';
  };
}

export default defineConfig(({ mode }) => {
  if (mode === 'cdn') {
    // Not library mode: Vite keeps whitespace in library-mode ES output, and this file must be fully minified.
    return {
      define: { 'process.env.NODE_ENV': JSON.stringify('production') },
      resolve: {
        alias: [
          { find: '@mediapipe/tasks-vision', replacement: resolve('src/core/background/no-tasks-vision.ts') },
          livekitSourceAlias,
        ],
      },
      // livekit-client compiled from its sources (scripts/livekit-from-source.ts).
      oxc: classFieldsAssigned,
      // Shipped language chunks without their keys (see scripts/compact-catalogs.ts), CSS without its indentation.
      plugins: [
        compactCatalogs(),
        compactTemplateLiterals(),
        withoutPreloadHelper(),
        backgroundAssets(),
        withoutE2eeManager(),
        oneLivekitFromSource(),
      ],
      publicDir: false,
      build: {
        outDir: 'dist/cdn',
        emptyOutDir: true,
        target: 'es2022',
        minify: true,
        sourcemap: true,
        // The manifest lists static and dynamic imports per chunk, so scripts/size.ts can tell what a page loads up front.
        manifest: true,
        modulePreload: false,
        rolldownOptions: {
          input: { hashdrop: 'src/index.ts' },
          // 'allow-extension' lets shared code stay in the entry instead of extra chunks fetched after it.
          preserveEntrySignatures: 'allow-extension',
          output: {
            entryFileNames: '[name].js',
            chunkFileNames: 'chunks/[name]-[hash].js',
            legalComments: 'none',
            codeSplitting: {
              groups: [{ name: callChunkName('src/index.ts'), includeDependenciesRecursively: false }],
            },
          },
        },
      },
    };
  }
  if (mode === 'npm') {
    return {
      plugins: [backgroundAssets()],
      build: {
        outDir: 'dist/npm',
        emptyOutDir: true,
        target: 'es2022',
        minify: false,
        sourcemap: true,
        lib: {
          entry: {
            index: 'src/index.ts',
            'contract/index': 'src/contract/index.ts',
            'server/index': 'src/server/index.ts',
            'server/cli': 'src/server/cli.ts',
            ...elementEntries,
          },
          formats: ['es'],
        },
        rolldownOptions: {
          external: (id: string) => nodeBuiltins.has(id) || isDependency(id),
          output: { preserveModules: true, preserveModulesRoot: 'src', entryFileNames: '[name].js' },
        },
      },
    };
  }
  // The demo and Storybook use Vite's dev server with its defaults (and the background processing's files).
  return { plugins: [backgroundAssets()] };
});
