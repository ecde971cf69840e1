export { testDb, testDatabaseUrl } from './test-db.ts';
export { createTestMember, createTestTenant } from './factories.ts';
