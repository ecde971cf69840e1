import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One real PostgreSQL for the whole run (embedded unless DATABASE_URL is set).
    globalSetup: ['./packages/db/src/testing/global-setup.ts'],
    projects: ['packages/*', 'apps/ingest', 'apps/web', 'test'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
