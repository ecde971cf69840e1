import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '@tierlens/db';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

const db = testDb();
type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: Tenant;
let b: Tenant;
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });
const price = { inputPerMTok: '2', outputPerMTok: '8.125' };

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
});
afterAll(async () => {
  await Promise.all([a.cleanup(), b.cleanup()]);
});

describe('priceOverrides.create and list', () => {
  it('stores organization and project prices and lists them next to the public price', async () => {
    const admin = await a.addMember('admin');
    await as(admin).priceOverrides.create({ projectId: a.project.id, price: { scope: 'organization', model: 'gpt-4o', provider: 'OpenAI', ...price, cacheReadPerMTok: '0.0000000001' } });
    await as(admin).priceOverrides.create({ projectId: a.project.id, price: { scope: 'project', model: 'llama3.1:8b', provider: 'ollama', inputPerMTok: '0', outputPerMTok: '0' } });
    const list = await as(admin).priceOverrides.list({ projectId: a.project.id });
    const org = list.find((o) => o.model === 'gpt-4o')!;
    expect(org).toMatchObject({ scope: 'organization', provider: 'openai', inputPerMTok: '2', outputPerMTok: '8.125', cacheReadPerMTok: '0.0000000001', cacheWritePerMTok: null, inForce: true });
    expect(org.publicPrice).toMatchObject({ found: true, provider: 'openai', inputPerMTok: '2.5', outputPerMTok: '10' });
    const local = list.find((o) => o.model === 'llama3.1:8b')!;
    expect(local).toMatchObject({ scope: 'project', inputPerMTok: '0', publicPrice: { found: false } });
  });

  it('shows organization prices in every project, and project prices only in their project', async () => {
    const other = await createProject(db, { organizationId: a.org.id, name: `Other ${a.org.id.slice(0, 6)}` });
    await as(a.user).priceOverrides.create({ projectId: a.project.id, price: { scope: 'organization', model: 'claude-haiku-4-5', ...price } });
    await as(a.user).priceOverrides.create({ projectId: a.project.id, price: { scope: 'project', model: 'claude-opus-4-6', ...price } });
    const models = (await as(a.user).priceOverrides.list({ projectId: other.id })).map((o) => o.model);
    expect(models).toContain('claude-haiku-4-5');
    expect(models).not.toContain('claude-opus-4-6');
  });

  it('accepts plain decimals with at most 10 decimals, and no negatives or exponents', async () => {
    for (const bad of ['-1', '1e-7', '0.00000000001', 'abc', '', '12345678901']) {
      await expect(as(a.user).priceOverrides.create({ projectId: a.project.id, price: { scope: 'organization', model: 'gpt-4o', ...price, inputPerMTok: bad } }), bad).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    }
    await expect(as(a.user).priceOverrides.create({ projectId: a.project.id, price: { scope: 'organization', model: ' ', ...price } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('lets viewers read but not change prices', async () => {
    const viewer = await a.addMember('viewer');
    const member = await a.addMember('member');
    await expect(as(viewer).priceOverrides.list({ projectId: a.project.id })).resolves.toBeInstanceOf(Array);
    await expect(as(viewer).priceOverrides.create({ projectId: a.project.id, price: { scope: 'organization', model: 'gpt-4o', ...price } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(member).priceOverrides.create({ projectId: a.project.id, price: { scope: 'organization', model: 'gpt-4o', ...price } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("does not let a member of one organization read or add another's prices", async () => {
    await expect(as(a.user).priceOverrides.list({ projectId: b.project.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).priceOverrides.create({ projectId: b.project.id, price: { scope: 'organization', model: 'gpt-4o', ...price } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.priceOverride.count({ where: { organizationId: b.org.id } })).toBe(0);
  });
});

describe('priceOverrides.delete', () => {
  it('deletes an override of the organization or this project', async () => {
    const { id } = await as(a.user).priceOverrides.create({ projectId: a.project.id, price: { scope: 'organization', model: 'to-delete', ...price } });
    const viewer = await a.addMember('viewer');
    await expect(as(viewer).priceOverrides.delete({ projectId: a.project.id, priceOverrideId: id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await as(a.user).priceOverrides.delete({ projectId: a.project.id, priceOverrideId: id });
    await expect(as(a.user).priceOverrides.delete({ projectId: a.project.id, priceOverrideId: id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it("does not delete another organization's override, nor another project's", async () => {
    const { id: bId } = await as(b.user).priceOverrides.create({ projectId: b.project.id, price: { scope: 'organization', model: 'gpt-4o', ...price } });
    await expect(as(a.user).priceOverrides.delete({ projectId: a.project.id, priceOverrideId: bId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).priceOverrides.delete({ projectId: b.project.id, priceOverrideId: bId })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const sibling = await createProject(db, { organizationId: a.org.id, name: `Sibling ${a.org.id.slice(0, 6)}` });
    const { id: siblingOnly } = await as(a.user).priceOverrides.create({ projectId: sibling.id, price: { scope: 'project', model: 'gpt-4o', ...price } });
    await expect(as(a.user).priceOverrides.delete({ projectId: a.project.id, priceOverrideId: siblingOnly })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await db.priceOverride.count({ where: { id: { in: [bId, siblingOnly] } } })).toBe(2);
  });
});

describe('priceOverrides.publicPrice', () => {
  it('finds the public price of a model, or says why there is none', async () => {
    await expect(as(a.user).priceOverrides.publicPrice({ projectId: a.project.id, model: 'gpt-4o-2024-08-06', provider: null })).resolves.toMatchObject({ found: true, inputPerMTok: '2.5' });
    await expect(as(a.user).priceOverrides.publicPrice({ projectId: a.project.id, model: 'my-finetune', provider: 'ollama' })).resolves.toMatchObject({ found: false });
    await expect(as(a.user).priceOverrides.publicPrice({ projectId: b.project.id, model: 'gpt-4o' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
