import 'server-only';
import { createDb, type Db } from '@tierlens/db';
import { webEnv } from './env';

const globalForDb = globalThis as unknown as { tierlensDb?: Db };

/** The process's Prisma client (one pool, reused across hot reloads in development). */
export function getDb(): Db {
  globalForDb.tierlensDb ??= createDb(webEnv().DATABASE_URL);
  return globalForDb.tierlensDb;
}
