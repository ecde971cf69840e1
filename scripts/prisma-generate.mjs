// Runs `prisma generate` for the shared client. Prisma's CLI wants a schema-engine binary at
// start-up even though `generate` never uses it; on machines that cannot download one we point
// PRISMA_SCHEMA_ENGINE_BINARY at an existing file (see docs/environment.md in the design notes).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cli;
try {
  cli = require.resolve('prisma/build/index.js', { paths: [process.cwd() + '/packages/db'] });
} catch {
  console.warn('[tierlens] prisma CLI not installed yet; skipping client generation');
  process.exit(0);
}
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
const r = spawnSync(process.execPath, [cli, 'generate', '--schema', 'prisma/schema.prisma'], {
  stdio: 'inherit',
  env,
});
process.exit(r.status ?? 1);
