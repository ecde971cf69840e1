import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Each CLI test starts `node bin/tierlens.mjs` (tsx, Prisma, a pool) once or twice. One spawn
    // takes about 1.5 s on an idle machine, 3–5 s on two busy cores, and 10–15 s was seen at a
    // load average of 20 (the whole suite beside other work); Vitest's 5 s default failed the
    // two-spawn reprice test. A project does not inherit the root config's timeouts.
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
