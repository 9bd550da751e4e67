// Builds the React example from the repository's own node_modules: `vite build -c examples/react/vite.config.ts`.
// `hashdrop` resolves to the built package (dist/npm) through the root package.json's exports, as an app's would.
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1000 },
});
