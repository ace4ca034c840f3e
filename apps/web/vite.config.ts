import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  resolve: {
    // `source` makes @mimamoru/core and @mimamoru/contracts resolve to their TypeScript sources.
    conditions: ['source', 'module', 'browser', 'development|production'],
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  preview: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      treeshake: {
        // Core is pure (lint-enforced) and its holiday data has no side effects either: let unused rules and
        // data fall out of the entry chunk so the triage engine loads only with the result page.
        moduleSideEffects: (id: string) =>
          !/[\\/]packages[\\/]core[\\/]src[\\/]|[\\/]@holiday-jp[\\/]/.test(id),
      },
    },
  },
});
