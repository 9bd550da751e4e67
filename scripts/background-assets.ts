/**
 * A Vite plugin that puts the background processing's files where src/core/background/assets.ts looks for them: a
 * `mediapipe/` folder beside the module. Those are MediaPipe's selfie segmentation (script, WASM with and without
 * SIMD, graph, landscape model; from the @mediapipe/selfie_segmentation package) and our background images
 * (src/core/background/images). Builds write them next to the chunk that holds assets.ts; the dev server (demo
 * stack, Storybook) answers for them from node_modules. Nothing is ever fetched from a third-party host.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import type { Plugin } from 'vite';

const MEDIAPIPE_FILES = [
  'selfie_segmentation.js',
  'selfie_segmentation.binarypb',
  'selfie_segmentation_landscape.tflite',
  'selfie_segmentation_solution_simd_wasm_bin.js',
  'selfie_segmentation_solution_simd_wasm_bin.wasm',
  'selfie_segmentation_solution_wasm_bin.js',
  'selfie_segmentation_solution_wasm_bin.wasm',
];
const IMAGES = 'src/core/background/images';
/** The module that locates the folder, and the folder's name (see assets.ts). */
const LOCATOR = /[\\/]src[\\/]core[\\/]background[\\/]assets\.ts$/;
const FOLDER = 'mediapipe/';
const DEV_PATH = /\/core\/background\/mediapipe\/([^/?#]+)/;

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
};

/** Every file of the folder, by name, and where it is on disk. */
export function backgroundAssetFiles(): Map<string, string> {
  const mediapipe = dirname(createRequire(import.meta.url).resolve('@mediapipe/selfie_segmentation/package.json'));
  const files = new Map(MEDIAPIPE_FILES.map((name) => [name, join(mediapipe, name)]));
  for (const name of readdirSync(IMAGES)) files.set(name, join(IMAGES, name));
  return files;
}

export function backgroundAssets(): Plugin {
  return {
    name: 'hashdrop:background-assets',
    configureServer(server) {
      const files = backgroundAssetFiles();
      server.middlewares.use((request, response, next) => {
        const name = DEV_PATH.exec(request.url ?? '')?.[1];
        const file = name ? files.get(name) : undefined;
        if (!file) return next();
        response.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
        response.end(readFileSync(file));
      });
    },
    generateBundle(_options, bundle) {
      // Beside the chunk (or module) that holds assets.ts, wherever the build put it.
      const chunk = Object.values(bundle).find(
        (output) => output.type === 'chunk' && Object.keys(output.modules).some((id) => LOCATOR.test(id)),
      );
      if (!chunk) return;
      const folder = join(dirname(chunk.fileName), FOLDER);
      for (const [name, file] of backgroundAssetFiles()) {
        this.emitFile({ type: 'asset', fileName: join(folder, name), source: readFileSync(file) });
      }
    },
  };
}
