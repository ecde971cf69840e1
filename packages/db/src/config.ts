import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The repository root (where `npm start` runs). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const ZDatabaseEnv = z.object({
  DATABASE_URL: z.string().url().optional(),
  TIERLENS_DATA_DIR: z.string().min(1).optional(),
  TIERLENS_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
});

export interface DatabaseConfig {
  /** Set: use that server. Unset: start the embedded PostgreSQL. */
  databaseUrl: string | undefined;
  dataDir: string;
  embeddedPort: number;
}

/** Reads the database settings from the environment (zod-checked, with a clear error). */
export function readDatabaseConfig(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  const parsed = ZDatabaseEnv.safeParse({
    DATABASE_URL: env.DATABASE_URL || undefined,
    TIERLENS_DATA_DIR: env.TIERLENS_DATA_DIR || undefined,
    TIERLENS_PG_PORT: env.TIERLENS_PG_PORT || undefined,
  });
  if (!parsed.success) {
    throw new Error(`Invalid database settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return {
    databaseUrl: parsed.data.DATABASE_URL,
    dataDir: resolve(parsed.data.TIERLENS_DATA_DIR ?? defaultDataDir()),
    embeddedPort: parsed.data.TIERLENS_PG_PORT,
  };
}

function defaultDataDir(): string {
  // A clone keeps its data beside itself; an installed copy without a writable root uses ~.
  return REPO_ROOT.includes('node_modules') ? resolve(homedir(), '.tierlens') : resolve(REPO_ROOT, '.tierlens');
}
