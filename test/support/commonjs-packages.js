// A web-test-runner plugin that serves CommonJS-only packages (qrcode) as ES modules, bundled by esbuild on first
// request. Browsers load the package's real code; only the module format changes, as Vite does in the real build.
import { build } from 'esbuild';

/** @param {string[]} packages package names, e.g. ['qrcode'] */
export function commonjsPackages(packages) {
  const cache = new Map();
  return {
    name: 'hashdrop-commonjs-packages',
    async serve(context) {
      const path = context.path;
      if (!packages.some((name) => path.startsWith(`/node_modules/${name}/`)) || !path.endsWith('.js')) return;
      if (!cache.has(path)) {
        const result = await build({
          entryPoints: [`.${path}`],
          bundle: true,
          format: 'esm',
          platform: 'browser',
          write: false,
          logLevel: 'silent',
        });
        cache.set(path, result.outputFiles[0].text);
      }
      return { body: cache.get(path), type: 'js' };
    },
  };
}
