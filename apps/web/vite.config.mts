/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));
const apiOrigin = process.env['MAJLIS_API_ORIGIN'] ?? 'http://localhost:3000';

/** The web client: built into dist/apps/web (served by the API at /), dev server on 4200 proxying the API. */
export default defineConfig({
  root: here('.'),
  plugins: [react()],
  resolve: {
    alias: {
      '@majlis/anchoring': here('../../libs/anchoring/src/index.ts'),
      '@majlis/links': here('../../libs/links/src/index.ts'),
    },
  },
  build: { outDir: here('../../dist/apps/web'), emptyOutDir: true, sourcemap: true, target: 'es2022' },
  server: {
    port: 4200,
    proxy: {
      '/graphql': { target: apiOrigin, changeOrigin: false },
      '/health': apiOrigin,
      '/demo-accounts': apiOrigin,
    },
  },
  test: {
    root: here('.'),
    environment: 'jsdom',
    globals: true,
    include: ['src/**/*.spec.{ts,tsx}'],
    setupFiles: [here('src/test-setup.ts')],
  },
});
