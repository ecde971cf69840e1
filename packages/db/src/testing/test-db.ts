import { createDb, type Db } from '../client.ts';

let shared: Db | undefined;

/** The run's migrated test database (set up by the Vitest global setup). */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run tests through `npm test` (vitest global setup).');
  return url;
}

/** A Prisma client on the test database, shared by the tests of one worker. */
export function testDb(): Db {
  shared ??= createDb(testDatabaseUrl(), { max: 4 });
  return shared;
}
