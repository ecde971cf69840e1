import { defineConfig } from 'prisma/config';

// The database URL is only needed by Prisma's own migrate/studio commands, for users who have
// Prisma's schema engine. Tierlens applies ./prisma/migrations with its own migrator.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/tierlens' },
});
