import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';
import { appRouter } from './app-router';

// Every procedure of the app, called by a member of organization A against organization B's
// project, must fail without reading or changing B's data. A procedure added without an entry
// here fails the first test, so none is left out.

type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
const range = { from: new Date(Date.now() - 7 * 86_400_000), to: new Date(Date.now() + 3_600_000) };
const UUID = '00000000-0000-4000-8000-000000000000';

/** Input that names the other tenant's project (and, where needed, its objects). */
const CROSS_TENANT_INPUTS: Record<string, (victim: Tenant) => unknown> = {
  'apiKeys.list': (v) => ({ projectId: v.project.id }),
  'apiKeys.create': (v) => ({ projectId: v.project.id, name: 'intruder' }),
  'apiKeys.revoke': (v) => ({ projectId: v.project.id, apiKeyId: v.apiKey.id }),
  'calls.list': (v) => ({ projectId: v.project.id, filters: { range } }),
  'calls.facets': (v) => ({ projectId: v.project.id, range }),
  'calls.trace': (v) => ({ projectId: v.project.id, traceId: 'a'.repeat(32) }),
  'calls.get': (v) => ({ projectId: v.project.id, traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), startTime: new Date() }),
  'models.stats': (v) => ({ projectId: v.project.id, range }),
  'overview.get': (v) => ({ projectId: v.project.id, range }),
  'overview.spendSummary': (v) => ({ projectId: v.project.id, ...range }),
  'projects.connectionInfo': (v) => ({ projectId: v.project.id }),
  'queryTypes.matrix': (v) => ({ projectId: v.project.id, range }),
  'queryTypes.templates': (v) => ({ projectId: v.project.id, range }),
  'queryTypes.corrections': (v) => ({ projectId: v.project.id }),
  'queryTypes.correct': (v) => ({ projectId: v.project.id, target: { scope: 'feature', feature: 'search' }, queryType: 'coding' }),
  'queryTypes.undoCorrection': (v) => ({ projectId: v.project.id, correctionId: UUID }),
  'queryTypes.exportLabelled': (v) => ({ projectId: v.project.id }),
  'rules.list': (v) => ({ projectId: v.project.id }),
  'rules.createFromFinding': (v) => ({ projectId: v.project.id, findingId: 'coding:*:openai:gpt-4o->gpt-4o-mini', range }),
  'rules.setEnabled': (v) => ({ projectId: v.project.id, ruleId: UUID, enabled: false }),
  'rules.delete': (v) => ({ projectId: v.project.id, ruleId: UUID }),
  'rules.setMode': (v) => ({ projectId: v.project.id, ruleId: UUID, setting: { mode: 'enforce' } }),
  'rules.outcomes': (v) => ({ projectId: v.project.id }),
  'rules.whatIf': (v) => ({ projectId: v.project.id }),
  'rules.export': (v) => ({ projectId: v.project.id, format: 'litellm' }),
  'savings.findings': (v) => ({ projectId: v.project.id, range }),
  'catalogOverrides.list': (v) => ({ organizationId: v.org.id }),
  'catalogOverrides.setTier': (v) => ({ organizationId: v.org.id, modelId: 'gpt-5', tier: 'budget' }),
  'catalogOverrides.putEvidence': (v) => ({ organizationId: v.org.id, modelId: 'gpt-5', queryType: 'coding', evidence: { benchmark: 'x', score: 50, source: 'x', date: '2026-01' } }),
  'catalogOverrides.reset': (v) => ({ organizationId: v.org.id, modelId: 'gpt-5' }),
  'invitations.list': (v) => ({ organizationId: v.org.id }),
  'invitations.create': (v) => ({ organizationId: v.org.id, email: 'intruder@example.test', role: 'owner' }),
  'invitations.revoke': (v) => ({ organizationId: v.org.id, invitationId: UUID }),
  'members.list': (v) => ({ organizationId: v.org.id }),
  'members.changeRole': (v) => ({ organizationId: v.org.id, memberId: UUID, role: 'viewer' }),
  'members.remove': (v) => ({ organizationId: v.org.id, memberId: UUID }),
  'priceOverrides.list': (v) => ({ projectId: v.project.id }),
  'priceOverrides.publicPrice': (v) => ({ projectId: v.project.id, model: 'gpt-4o' }),
  'priceOverrides.create': (v) => ({ projectId: v.project.id, price: { scope: 'organization', model: 'gpt-4o', inputPerMTok: '1', outputPerMTok: '1' } }),
  'priceOverrides.delete': (v) => ({ projectId: v.project.id, priceOverrideId: UUID }),
  'projects.get': (v) => ({ projectId: v.project.id }),
  'projects.listInOrganization': (v) => ({ organizationId: v.org.id }),
  'projects.create': (v) => ({ organizationId: v.org.id, name: 'intruder' }),
  'projects.rename': (v) => ({ projectId: v.project.id, name: 'intruder' }),
  'reportSubscriptions.mine': (v) => ({ projectId: v.project.id }),
  'reportSubscriptions.update': (v) => ({ projectId: v.project.id, enabled: true, dayOfWeek: 1, hour: 9, timeZone: 'UTC' }),
  'reports.preview': (v) => ({ projectId: v.project.id }),
  'reports.sendNow': (v) => ({ projectId: v.project.id }),
  'reports.outbox': (v) => ({ projectId: v.project.id }),
  'evaluations.credentials': (v) => ({ projectId: v.project.id }),
  'evaluations.addCredential': (v) => ({ projectId: v.project.id, credential: { name: 'intruder', kind: 'anthropic', apiKey: 'sk-ant-intruder' } }),
  'evaluations.removeCredential': (v) => ({ projectId: v.project.id, credentialId: UUID }),
  'evaluations.list': (v) => ({ projectId: v.project.id }),
  'evaluations.start': (v) => ({ projectId: v.project.id, evaluation: { queryType: 'coding', currentModel: 'gpt-4o', candidateModel: 'gpt-4o-mini', judgeModel: 'gpt-5', currentCredentialId: UUID } }),
  'evaluations.cancel': (v) => ({ projectId: v.project.id, evaluationId: UUID }),
  'budgets.watch': (v) => ({ projectId: v.project.id }),
  'budgets.list': (v) => ({ projectId: v.project.id }),
  'budgets.create': (v) => ({ projectId: v.project.id, budget: { name: 'intruder', scope: 'organization', period: 'month', timeZone: 'UTC', limitUsd: '1' } }),
  'budgets.delete': (v) => ({ projectId: v.project.id, budgetId: UUID }),
  'notificationChannels.list': (v) => ({ organizationId: v.org.id }),
  'notificationChannels.create': (v) => ({ organizationId: v.org.id, channel: { kind: 'webhook', name: 'intruder', target: 'http://127.0.0.1:9/x', events: ['budget'] } }),
  'notificationChannels.delete': (v) => ({ organizationId: v.org.id, channelId: UUID }),
  'notificationChannels.deliveries': (v) => ({ organizationId: v.org.id }),
};

/**
 * Procedures that take no tenant id: they only ever see the caller's own organizations, or
 * (invitations) the one invitation whose id, the secret in the link, the caller holds; those
 * are tested in features/invitations/server/invitations-router.int.test.ts.
 */
const OWN_SCOPE = new Set(['projects.list', 'invitations.get', 'invitations.accept', 'invitations.acceptWithNewAccount']);

const db = testDb();
let a: Tenant;
let b: Tenant;

beforeAll(async () => {
  a = await createTestTenant(db);
  b = await createTestTenant(db);
});
afterAll(async () => {
  await a.cleanup();
  await b.cleanup();
});

function procedurePaths(): string[] {
  return Object.keys((appRouter._def as unknown as { procedures: Record<string, unknown> }).procedures).sort();
}

function call(user: Tenant['user'], path: string, input: unknown): Promise<unknown> {
  const caller = callerFor(db, { ...user, name: 'x' }) as unknown as Record<string, unknown>;
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (i: unknown) => Promise<unknown>;
  return fn(input);
}

describe('tenancy', () => {
  it('covers every procedure of the app router', () => {
    const missing = procedurePaths().filter((p) => !(p in CROSS_TENANT_INPUTS) && !OWN_SCOPE.has(p));
    expect(missing, 'procedures without a cross-tenant test').toEqual([]);
  });

  for (const [path, input] of Object.entries(CROSS_TENANT_INPUTS)) {
    it(`${path}: a member of another organization gets NOT_FOUND and changes nothing`, async () => {
      const before = await snapshot(b);
      await expect(call(a.user, path, input(b))).rejects.toMatchObject({ code: 'NOT_FOUND' });
      expect(await snapshot(b)).toEqual(before);
    });
  }

  it('projects.list shows only the caller’s organizations', async () => {
    const list = (await call(a.user, 'projects.list', undefined)) as Array<{ id: string }>;
    expect(list.map((p) => p.id)).toEqual([a.project.id]);
  });

  it('rejects a malformed id with BAD_REQUEST rather than touching the database', async () => {
    await expect(call(a.user, 'overview.get', { projectId: 'not-a-uuid', range })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(call(a.user, 'overview.get', { projectId: UUID, range })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

async function snapshot(t: Tenant) {
  const [keys, project, members, rules, corrections] = await Promise.all([
    db.apiKey.findMany({ where: { projectId: t.project.id }, select: { id: true, revokedAt: true, name: true }, orderBy: { id: 'asc' } }),
    db.project.findUnique({ where: { id: t.project.id }, select: { name: true, organizationId: true } }),
    db.member.findMany({ where: { organizationId: t.org.id }, select: { userId: true, role: true }, orderBy: { userId: 'asc' } }),
    db.routingRule.findMany({ where: { projectId: t.project.id }, select: { id: true, enabled: true }, orderBy: { id: 'asc' } }),
    db.queryTypeCorrection.findMany({ where: { projectId: t.project.id }, select: { id: true, undoneAt: true }, orderBy: { id: 'asc' } }),
  ]);
  return { keys, project, members, rules, corrections };
}
