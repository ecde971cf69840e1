import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashApiKey } from '@tierlens/db';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

const db = testDb();
type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: Tenant;
let b: Tenant;
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
});
afterAll(async () => {
  await Promise.all([a.cleanup(), b.cleanup()]);
});

describe('apiKeys', () => {
  it('creates a key whose secret is returned once and listed only by prefix', async () => {
    const admin = await a.addMember('admin');
    const key = await as(admin).apiKeys.create({ projectId: a.project.id, name: 'ci' });
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    const list = await as(admin).apiKeys.list({ projectId: a.project.id });
    const row = list.find((k) => k.id === key.id)!;
    expect(row).toMatchObject({ name: 'ci', prefix: key.prefix, revokedAt: null, lastUsedAt: null });
    expect(JSON.stringify(list)).not.toContain(key.secret);
    expect(JSON.stringify(list)).not.toContain(hashApiKey(key.secret));
  });

  it('revokes a key', async () => {
    const key = await as(a.user).apiKeys.create({ projectId: a.project.id, name: 'temp' });
    await as(a.user).apiKeys.revoke({ projectId: a.project.id, apiKeyId: key.id });
    const row = (await as(a.user).apiKeys.list({ projectId: a.project.id })).find((k) => k.id === key.id)!;
    expect(row.revokedAt).toBeInstanceOf(Date);
    await expect(as(a.user).apiKeys.revoke({ projectId: a.project.id, apiKeyId: key.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is for admins only', async () => {
    const member = await a.addMember('member');
    const viewer = await a.addMember('viewer');
    await expect(as(member).apiKeys.create({ projectId: a.project.id, name: 'x' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(viewer).apiKeys.list({ projectId: a.project.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(viewer).apiKeys.revoke({ projectId: a.project.id, apiKeyId: a.apiKey.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("does not let an admin of one organization see or revoke another's keys", async () => {
    await expect(as(a.user).apiKeys.list({ projectId: b.project.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).apiKeys.create({ projectId: b.project.id, name: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).apiKeys.revoke({ projectId: b.project.id, apiKeyId: b.apiKey.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).apiKeys.revoke({ projectId: a.project.id, apiKeyId: b.apiKey.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id: b.apiKey.id }, select: { revokedAt: true } })).revokedAt).toBeNull();
  });
});
