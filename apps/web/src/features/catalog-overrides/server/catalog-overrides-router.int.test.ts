import { lookupModel } from '@tierlens/analyzer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';
import { loadAdviceInputs } from '@tierlens/db/advice';

const db = testDb();
type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: Tenant;
let b: Tenant;
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });
const evidence = { benchmark: 'Our internal extraction eval', score: { low: 80, high: 90, point: 85 }, sampleSize: 200, source: 'internal run 42', date: '2026-10' };

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
});
afterAll(async () => {
  await Promise.all([a.cleanup(), b.cleanup()]);
});

describe('catalogOverrides.list', () => {
  it('shows the built-in catalog with evidence per query type to a viewer', async () => {
    const viewer = await a.addMember('viewer');
    const { models, tiers, queryTypes } = await as(viewer).catalogOverrides.list({ organizationId: a.org.id });
    expect(tiers).toEqual(['frontier', 'production', 'budget', 'local']);
    expect(queryTypes).toContain('coding');
    expect(queryTypes).not.toContain('unknown');
    const sonnet = models.find((m) => m.id === 'claude-sonnet-4-6')!;
    expect(sonnet).toMatchObject({ provider: 'anthropic', tier: 'production', builtinTier: 'production', override: null });
    expect(sonnet.evidence.map((e) => e.queryType)).toContain('expert_qa');
  });

  it("does not show another organization's catalog", async () => {
    await expect(as(a.user).catalogOverrides.list({ organizationId: b.org.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('catalogOverrides.setTier and reset', () => {
  it('changes a model’s tier for the organization only, and resets it', async () => {
    const t = await createTestTenant(db);
    try {
      const admin = await t.addMember('admin');
      await as(admin).catalogOverrides.setTier({ organizationId: t.org.id, modelId: 'claude-haiku-4-5-20251001', tier: 'production' });
      const haiku = (await as(admin).catalogOverrides.list({ organizationId: t.org.id })).models.find((m) => m.id === 'claude-haiku-4-5')!;
      expect(haiku).toMatchObject({ tier: 'production', builtinTier: 'budget', override: { valid: true } });
      expect(lookupModel(null, 'claude-haiku-4-5', (await loadAdviceInputs(db, { id: t.project.id, organizationId: t.org.id })).catalog)?.tier).toBe('production');
      expect(lookupModel(null, 'claude-haiku-4-5', (await loadAdviceInputs(db, { id: b.project.id, organizationId: b.org.id })).catalog)?.tier).toBe('budget');
      await as(admin).catalogOverrides.reset({ organizationId: t.org.id, modelId: 'claude-haiku-4-5' });
      expect(await db.catalogOverride.count({ where: { organizationId: t.org.id } })).toBe(0);
    } finally {
      await t.cleanup();
    }
  });

  it('drops a tier-only override when the built-in tier is chosen again', async () => {
    const t = await createTestTenant(db);
    try {
      await as(t.user).catalogOverrides.setTier({ organizationId: t.org.id, modelId: 'gpt-5-mini', tier: 'budget' });
      expect(await db.catalogOverride.count({ where: { organizationId: t.org.id } })).toBe(1);
      await as(t.user).catalogOverrides.setTier({ organizationId: t.org.id, modelId: 'gpt-5-mini', tier: 'production' });
      expect(await db.catalogOverride.count({ where: { organizationId: t.org.id } })).toBe(0);
    } finally {
      await t.cleanup();
    }
  });

  it('refuses unknown models and tiers', async () => {
    await expect(as(a.user).catalogOverrides.setTier({ organizationId: a.org.id, modelId: 'no-such-model-xyz', tier: 'budget' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).catalogOverrides.setTier({ organizationId: a.org.id, modelId: 'gpt-5', tier: 'huge' as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('does not let members or viewers change the catalog', async () => {
    const member = await a.addMember('member');
    const viewer = await a.addMember('viewer');
    await expect(as(member).catalogOverrides.setTier({ organizationId: a.org.id, modelId: 'gpt-5', tier: 'budget' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(viewer).catalogOverrides.putEvidence({ organizationId: a.org.id, modelId: 'gpt-5', queryType: 'coding', evidence })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(viewer).catalogOverrides.reset({ organizationId: a.org.id, modelId: 'gpt-5' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it("does not let an admin of one organization change or reset another's catalog", async () => {
    await as(b.user).catalogOverrides.setTier({ organizationId: b.org.id, modelId: 'o3', tier: 'production' });
    await expect(as(a.user).catalogOverrides.setTier({ organizationId: b.org.id, modelId: 'o3', tier: 'budget' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).catalogOverrides.putEvidence({ organizationId: b.org.id, modelId: 'o3', queryType: 'math', evidence })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(as(a.user).catalogOverrides.reset({ organizationId: b.org.id, modelId: 'o3' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(lookupModel(null, 'o3', (await loadAdviceInputs(db, { id: b.project.id, organizationId: b.org.id })).catalog)?.tier).toBe('production');
  });
});

describe('catalogOverrides.putEvidence', () => {
  it('adds an entry next to the built-in evidence, then replaces it', async () => {
    const t = await createTestTenant(db);
    try {
      const before = (await as(t.user).catalogOverrides.list({ organizationId: t.org.id })).models.find((m) => m.id === 'claude-sonnet-4-6')!;
      const builtinExpertQa = before.evidence.find((e) => e.queryType === 'expert_qa')!.items.length;
      await as(t.user).catalogOverrides.putEvidence({ organizationId: t.org.id, modelId: 'claude-sonnet-4-6', queryType: 'expert_qa', evidence });
      let sonnet = (await as(t.user).catalogOverrides.list({ organizationId: t.org.id })).models.find((m) => m.id === 'claude-sonnet-4-6')!;
      let qa = sonnet.evidence.find((e) => e.queryType === 'expert_qa')!;
      expect(qa.overridden).toBe(true);
      expect(qa.items).toHaveLength(builtinExpertQa + 1);
      expect(qa.items.at(-1)).toMatchObject({ benchmark: evidence.benchmark, score: { low: 80, high: 90, point: 85 } });

      await as(t.user).catalogOverrides.putEvidence({
        organizationId: t.org.id, modelId: 'claude-sonnet-4-6', queryType: 'expert_qa',
        evidence: { ...evidence, benchmark: 'Renamed eval', score: 70 }, replaces: { benchmark: evidence.benchmark, source: evidence.source },
      });
      sonnet = (await as(t.user).catalogOverrides.list({ organizationId: t.org.id })).models.find((m) => m.id === 'claude-sonnet-4-6')!;
      qa = sonnet.evidence.find((e) => e.queryType === 'expert_qa')!;
      expect(qa.items).toHaveLength(builtinExpertQa + 1);
      expect(qa.items.at(-1)).toMatchObject({ benchmark: 'Renamed eval', score: { low: 70, high: 70, point: 70 } });
      // Other query types keep the built-in evidence.
      expect(sonnet.evidence.find((e) => e.queryType === 'math')?.overridden).toBe(false);
    } finally {
      await t.cleanup();
    }
  });

  it('validates the entry with the catalog schema', async () => {
    await expect(as(a.user).catalogOverrides.putEvidence({ organizationId: a.org.id, modelId: 'gpt-5', queryType: 'coding', evidence: { ...evidence, date: 'last week' } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(a.user).catalogOverrides.putEvidence({ organizationId: a.org.id, modelId: 'gpt-5', queryType: 'coding', evidence: { ...evidence, score: { low: 90, high: 80 } } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(a.user).catalogOverrides.putEvidence({ organizationId: a.org.id, modelId: 'gpt-5', queryType: 'unknown' as never, evidence })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      as(a.user).catalogOverrides.putEvidence({ organizationId: a.org.id, modelId: 'gpt-5', queryType: 'coding', evidence, replaces: { benchmark: 'nothing like it', source: 'nowhere' } }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
