export { testDb, testDatabaseUrl } from './test-db.ts';
export { createTestTenant } from './factories.ts';
