import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One real PostgreSQL for the whole run (embedded unless DATABASE_URL is set).
    globalSetup: ['./packages/db/src/testing/global-setup.ts'],
    projects: ['packages/*', 'apps/ingest', 'apps/web', 'apps/web/e2e', 'test'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
