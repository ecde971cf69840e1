import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Cross-app tests: they drive the ingest, the SDK and the web app's tRPC router together.
export default defineProject({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('../apps/web/src', import.meta.url)),
      'server-only': fileURLToPath(new URL('../apps/web/src/test-support/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    name: 'cross-app',
    include: ['**/*.test.ts'],
    exclude: ['support/**', 'node_modules/**'],
  },
});
