export { readDatabaseConfig, REPO_ROOT, type DatabaseConfig } from './config.ts';
export { startEmbeddedPostgres, ensureDatabase, type EmbeddedPostgresHandle } from './embedded-postgres.ts';
export { migrate, pendingMigrations, readMigrations, MIGRATIONS_DIR, type Migration, type MigrateResult } from './migrate.ts';
export { openDatabase, type OpenedDatabase } from './open-database.ts';
export { isProcessAlive, processInfo, stopProcess } from './process-info.ts';
