import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

// Browser tests: a production build of the dashboard (built once, reused while sources are
// unchanged) driven through playwright-core by the Chromium of the npm package @sparticuz/chromium
// (or a system one when present; see launch-browser.ts).
export default defineProject({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('../src', import.meta.url)),
      'server-only': fileURLToPath(new URL('../src/test-support/empty-module.ts', import.meta.url)),
    },
  },
  test: {
    name: 'e2e',
    include: ['**/*.e2e.test.ts'],
    globalSetup: ['./build-web.global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
