import { readDatabaseConfig, type DatabaseConfig } from './config.ts';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from './embedded-postgres.ts';
import { migrate, type MigrateResult } from './migrate.ts';

export interface OpenedDatabase {
  url: string;
  /** Present when Tierlens started its own PostgreSQL. */
  embedded: EmbeddedPostgresHandle | null;
  migrations: MigrateResult;
  /** Stops the embedded server if there is one. */
  close(): Promise<void>;
}

/**
 * The database Tierlens runs on: `DATABASE_URL` when set, otherwise the embedded PostgreSQL in
 * the data folder; migrations applied either way.
 */
export async function openDatabase(
  config: DatabaseConfig = readDatabaseConfig(),
  options: { onLog?: (line: string) => void } = {},
): Promise<OpenedDatabase> {
  let embedded: EmbeddedPostgresHandle | null = null;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedPort, onLog: options.onLog });
    url = embedded.url;
  }
  try {
    const migrations = await migrate(url);
    return { url, embedded, migrations, close: async () => embedded?.stop() };
  } catch (err) {
    await embedded?.stop();
    throw err;
  }
}
