import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../embedded-postgres.ts';
import { migrate } from '../migrate.ts';
import { freePort } from './free-port.ts';

/**
 * Vitest global setup: a real PostgreSQL for the whole run. Uses the server in DATABASE_URL when
 * set, otherwise an embedded one kept in the system temp folder between runs; either way the run
 * gets a fresh, migrated database of its own, dropped at the end.
 */
export default async function setup(): Promise<() => Promise<void>> {
  let server: EmbeddedPostgresHandle | null = null;
  let dataDir: string | null = null;
  let baseUrl = process.env.DATABASE_URL;
  if (!baseUrl) {
    // A cluster of the run's own (initdb takes about a second), so concurrent runs never share
    // or stop each other's server.
    dataDir = mkdtempSync(join(tmpdir(), 'tierlens-test-pg-'));
    server = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres' });
    baseUrl = server.url;
  }
  const name = `tierlens_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new URL(baseUrl);
  admin.pathname = '/postgres';
  await ensureDatabase(admin.toString(), name);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  await migrate(url.toString());
  process.env.DATABASE_URL = url.toString();
  process.env.TIERLENS_TEST_DATABASE = name;

  return async () => {
    const client = new pg.Client({ connectionString: admin.toString() });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
    await server?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
}
