/**
 * The CDN build compiles livekit-client from the TypeScript sources its package ships (`src/`), not its prebuilt
 * `dist/livekit-client.esm.mjs`. That file targets ES2015: every async function is a generator behind `__awaiter`,
 * every default parameter an `arguments` check, every `?.` a temporary; and it carries the SDK's dependencies (the
 * protobuf runtime, the LiveKit protocol's messages, the WebRTC shims) inlined, where the bundler can drop less of
 * them. Compiled here at our own target (ES2022), with the dependencies as packages, a guest's call is ≈ 8 KB gzip
 * lighter (`npx tsx bench/run.ts weight`). The npm build is unchanged: there livekit-client stays external, and the
 * app's bundler resolves it as it would anyway.
 *
 * One thing must not change with the compile: class fields. The SDK's own tsconfig targets ES2015, so TypeScript
 * assigns fields in the constructor (`useDefineForClassFields: false`); compiled at ES2022 by default they would
 * become defined fields, and a field a base constructor sets would be reset to `undefined`. Our tsconfig says the same
 * for our sources, but it does not reach files in node_modules, so the options say it for every file.
 *
 * Nor does a call carry the SDK's end-to-end encryption manager, which it makes only for a Room given encryption
 * options (ours never are): src/core/no-e2ee.ts stands in for it.
 */
import { resolve } from 'node:path';
import type { Plugin, UserConfig } from 'vite';

const SOURCES = resolve('node_modules/livekit-client/src/index.ts');
const PREBUILT = /[\\/]node_modules[\\/]livekit-client[\\/]dist[\\/]/;
const FROM_SOURCE = /[\\/]node_modules[\\/]livekit-client[\\/]src[\\/]/;
const E2EE_MANAGER = /[\\/]node_modules[\\/]livekit-client[\\/]src[\\/]e2ee[\\/]E2eeManager\.ts$/;
const NO_E2EE = resolve('src/core/no-e2ee.ts');

/** `import … from 'livekit-client'` (ours and background blur's processor's) → the SDK's sources. */
export const livekitSourceAlias = { find: /^livekit-client$/, replacement: SOURCES };

/** The SDK's class field semantics (see above), for every TypeScript file the build compiles. */
export const classFieldsAssigned: UserConfig['oxc'] = {
  typescript: { removeClassFieldsWithoutInitializer: true },
  assumptions: { setPublicClassFields: true },
};

/** The SDK's own imports of its E2EE manager (only Room's is not a type import) → src/core/no-e2ee.ts. */
export function withoutE2eeManager(): Plugin {
  return {
    name: 'hashdrop:without-e2ee-manager',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!importer || !FROM_SOURCE.test(importer) || !source.endsWith('/E2eeManager')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && E2EE_MANAGER.test(resolved.id) ? NO_E2EE : null;
    },
  };
}

/** Names of the class fields a compiled module still defines (`class A { x = 1 }`), private ones aside. */
export function definedClassFields(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) definedClassFields(child, found);
  } else if (node && typeof node === 'object') {
    const { type, key } = node as { type?: string; key?: { type?: string; name?: string } };
    if (type === 'PropertyDefinition' && key?.type !== 'PrivateIdentifier') found.push(key?.name ?? '(computed)');
    for (const child of Object.values(node)) if (child && typeof child === 'object') definedClassFields(child, found);
  }
  return found;
}

/**
 * Fails the build if a prebuilt copy of the SDK got in (an import the alias does not match, such as a subpath, would
 * bring a second SDK, with its own Room class, beside the compiled one), if the sources did not, if the SDK's E2EE
 * manager did after all, or if a module of the SDK came out with defined class fields (the options above lost).
 */
export function oneLivekitFromSource(): Plugin {
  return {
    name: 'hashdrop:one-livekit-from-source',
    // After Vite's own TypeScript transform: this sees the JavaScript the bundle gets.
    transform(code, id) {
      if (!FROM_SOURCE.test(id)) return null;
      const fields = definedClassFields(this.parse(code));
      if (fields.length) this.error(`${id} defines class fields the SDK assigns: ${fields.join(', ')}`);
      return null;
    },
    generateBundle(_options, bundle) {
      const modules = Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? output.moduleIds : []));
      const prebuilt = modules.filter((id) => PREBUILT.test(id));
      if (prebuilt.length) this.error(`livekit-client's prebuilt files are in the bundle: ${prebuilt.join(', ')}`);
      if (!modules.some((id) => FROM_SOURCE.test(id))) this.error("livekit-client's sources are not in the bundle");
      const e2ee = modules.filter((id) => E2EE_MANAGER.test(id));
      if (e2ee.length) this.error(`livekit-client's E2EE manager is in the bundle: ${e2ee.join(', ')}`);
    },
  };
}
