export { createDb, type Db } from './client.ts';
export { readDatabaseConfig, REPO_ROOT, type DatabaseConfig } from './config.ts';
export { startEmbeddedPostgres, ensureDatabase, type EmbeddedPostgresHandle } from './embedded-postgres.ts';
export { migrate, pendingMigrations, readMigrations, MIGRATIONS_DIR, type Migration, type MigrateResult } from './migrate.ts';
export { openDatabase, type OpenedDatabase } from './open-database.ts';
export { createApiKey, revokeApiKey, hashApiKey, generateApiKeySecret, type CreatedApiKey } from './api-keys.ts';
export { createOrganization, createProject, ROLES, type Role } from './organizations.ts';
export { Prisma } from './generated/prisma/client.ts';
