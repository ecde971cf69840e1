import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // One real PostgreSQL for the whole run (embedded unless DATABASE_URL is set).
    globalSetup: ['./packages/db/src/testing/global-setup.ts'],
    projects: ['packages/*', 'apps/ingest', 'apps/web', 'apps/web/e2e', 'test'],
    // Projects defined by their own config files do NOT inherit these: a project whose tests
    // need more than Vitest's 5 s on two busy cores sets its own (packages/cli, packages/sdk, e2e).
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
