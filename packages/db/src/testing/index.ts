export { testDb, testDatabaseUrl } from './test-db.ts';
export { createTestMember, createTestTenant } from './factories.ts';
export { freePort } from './free-port.ts';
