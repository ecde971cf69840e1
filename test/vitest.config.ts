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
    // The second re-pricing pass after a price change runs within the test that caused it.
    env: { TIERLENS_REPRICE_FOLLOW_UP_MS: '100', TIERLENS_RETYPE_FOLLOW_UP_MS: '100' },
  },
});
