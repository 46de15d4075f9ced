import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// The path aliases of tsconfig.base.json: main and the preload may reach src/shared only, the
// renderer its own src/ as well (ESLint and test/unit/architecture/layering.test.ts keep it so).
const shared = { '@shared': resolve('src/shared') };

export default defineConfig({
  main: {
    resolve: { alias: shared },
    build: {
      rollupOptions: { input: { index: resolve('src/main/electron/index.ts') } },
    },
  },
  preload: {
    resolve: { alias: shared },
    build: {
      // A sandboxed preload cannot load ESM or arbitrary modules: emit one CommonJS bundle
      // (Electron checklist item 4; electron-vite "limitations of sandboxing").
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    resolve: { alias: { ...shared, '@renderer': resolve('src/renderer/src') } },
    build: {
      // electron-vite leaves output unminified by default; the renderer's size is a budget.
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
    plugins: [react()],
  },
});
