import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each CLI test starts `node bin/tierlens.mjs` (tsx, Prisma, a pool) once or more; on two cores
    // shared with Postgres and other test files one spawn alone can take 3–5 s. A project does not
    // inherit the root config's timeouts, so they are set here.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
