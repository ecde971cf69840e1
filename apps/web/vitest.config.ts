import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('./src', import.meta.url)),
      // `server-only` throws outside React Server Components; tests run server code directly.
      'server-only': fileURLToPath(new URL('./src/test-support/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'serve/**/*.test.ts'],
    // The second re-pricing pass after a price change runs within the test that caused it.
    env: { TIERLENS_REPRICE_FOLLOW_UP_MS: '100', TIERLENS_RETYPE_FOLLOW_UP_MS: '100', TIERLENS_CREDENTIALS_KEY: 'the web tests’ credentials key, not a secret' },
  },
});
