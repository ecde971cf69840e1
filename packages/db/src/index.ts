// Data access used by every app. Start-up concerns (embedded Postgres, migrations) live in
// `@tierlens/db/runtime` so the web bundle does not pull them in.
export { createDb, type Db } from './client.ts';
export { createApiKey, revokeApiKey, hashApiKey, generateApiKeySecret, type CreatedApiKey } from './api-keys.ts';
export { createOrganization, createProject, ROLES, type Role } from './organizations.ts';
export { Prisma } from './generated/prisma/client.ts';
export { PRICE_OVERRIDE_CACHE_MS } from './price-override-freshness.ts';
