// Builds the Vue example from the repository's own node_modules: `vite build -c examples/vue/vite.config.ts`.
// `hashdrop` resolves to the built package (dist/npm) through the root package.json's exports, as an app's would.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  logLevel: 'warn',
  // <hashdrop-*> are custom elements, not Vue components: Vue renders them as they are and binds to them natively.
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('hashdrop-') } } })],
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 1000 },
});
