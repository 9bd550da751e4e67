/**
 * Where the background processing finds its files: MediaPipe's selfie segmentation (script, WASM, graph, model) and
 * our background images, all in a folder beside this module's own chunk (`mediapipe/`), never on a third-party host:
 * the package must work on a closed network. scripts/background-assets.ts puts them there in every build and serves
 * them from the dev server.
 */
import type { SelfieSegmentation } from '@mediapipe/selfie_segmentation';

/** The folder's name, beside this module (a variable, so the bundler leaves the URL to be resolved at run time). */
export const ASSET_FOLDER = 'mediapipe/';

/** A file of that folder; an absolute URL (a page's own image) passes through unchanged. */
export function assetUrl(file: string): string {
  return new URL(file, new URL(ASSET_FOLDER, import.meta.url)).href;
}

let script: Promise<typeof SelfieSegmentation> | null = null;

/**
 * MediaPipe's selfie segmentation class. Its script is a classic one that defines a global (it exports nothing a
 * bundler can follow), so it is loaded as a script from the asset folder, once per page.
 */
export function loadSegmentation(): Promise<typeof SelfieSegmentation> {
  script ??= new Promise((resolve, reject) => {
    const element = document.createElement('script');
    element.src = assetUrl('selfie_segmentation.js');
    element.onload = () =>
      resolve((globalThis as unknown as { SelfieSegmentation: typeof SelfieSegmentation }).SelfieSegmentation);
    element.onerror = () => {
      script = null;
      reject(new Error('The background processing could not be loaded.'));
    };
    document.head.append(element);
  });
  return script;
}
