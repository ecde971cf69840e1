import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

// The tier badges on the Models and Query types pages come from the organization's catalog,
// so a tier override made in Settings shows there as it does in the advice.

const db = testDb();
let a: Awaited<ReturnType<typeof createTestTenant>>;
let b: Awaited<ReturnType<typeof createTestTenant>>;
const range = { from: new Date('2026-11-19T00:00:00Z'), to: new Date('2026-11-21T00:00:00Z') };
const as = (t: typeof a) => callerFor(db, { ...t.user, name: 'owner' });

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
  for (const t of [a, b]) {
    const sums = { provider: 'anthropic', model: 'claude-haiku-4-5', queryType: 'extraction', calls: 12n, costUsd: '0.3000000000', inputTokens: 1200, outputTokens: 300 };
    await db.callRollupHourly.create({ data: { projectId: t.project.id, hour: new Date('2026-11-20T10:00:00Z'), ...sums } });
    await db.callRollupDaily.create({ data: { projectId: t.project.id, day: new Date('2026-11-20T00:00:00Z'), ...sums } });
  }
  await as(a).catalogOverrides.setTier({ organizationId: a.org.id, modelId: 'claude-haiku-4-5', tier: 'production' });
});
afterAll(async () => {
  await Promise.all([a.cleanup(), b.cleanup()]);
});

describe('tiers on the Models and Query types pages', () => {
  it("show the organization's tier override", async () => {
    const [model] = await as(a).models.stats({ projectId: a.project.id, range });
    expect(model).toMatchObject({ model: 'claude-haiku-4-5', calls: 12, tier: 'production' });
    const matrix = await as(a).queryTypes.matrix({ projectId: a.project.id, range });
    const extraction = matrix.queryTypes.find((q) => q.queryType === 'extraction')!;
    expect(extraction.models[0]).toMatchObject({ model: 'claude-haiku-4-5', tier: 'production' });
    expect(matrix.models).toEqual([expect.objectContaining({ model: 'claude-haiku-4-5', tier: 'production' })]);
  });

  it("keep the built-in tier for an organization without the override", async () => {
    const [model] = await as(b).models.stats({ projectId: b.project.id, range });
    expect(model).toMatchObject({ model: 'claude-haiku-4-5', tier: 'budget' });
    const matrix = await as(b).queryTypes.matrix({ projectId: b.project.id, range });
    expect(matrix.queryTypes.find((q) => q.queryType === 'extraction')!.models[0]).toMatchObject({ tier: 'budget' });
  });
});

describe('model lifecycle on the Models page', () => {
  it('flags a model past its maker’s deprecation notice with the date and the source', async () => {
    const t = await createTestTenant(db);
    const now = new Date();
    const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000 - 3_600_000);
    await db.callRollupHourly.create({ data: { projectId: t.project.id, hour, provider: 'anthropic', model: 'claude-sonnet-4-20250514', queryType: 'coding', calls: 3n, costUsd: '0.01' } });
    await db.callRollupHourly.create({ data: { projectId: t.project.id, hour, provider: 'anthropic', model: 'claude-sonnet-4-6', queryType: 'coding', calls: 3n, costUsd: '0.01' } });
    const stats = await as(t).models.stats({ projectId: t.project.id, range: { from: new Date(hour.getTime() - 3_600_000), to: new Date(hour.getTime() + 3_600_000) } });
    const old = stats.find((m) => m.model === 'claude-sonnet-4-20250514')!;
    expect(old.lifecycle).toMatchObject({ status: 'retired', retires: '2026-06-15', sourceUrl: expect.stringMatching(/^https:\/\/platform\.claude\.com\//) });
    expect(stats.find((m) => m.model === 'claude-sonnet-4-6')!.lifecycle).toEqual({ status: 'active' });
    await t.cleanup();
  });
});
