import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

const db = testDb();
let a: Awaited<ReturnType<typeof createTestTenant>>;
let b: Awaited<ReturnType<typeof createTestTenant>>;
const hour = new Date('2026-11-20T10:00:00Z');
const range = { from: new Date('2026-11-19T00:00:00Z'), to: new Date('2026-11-21T00:00:00Z') };

beforeAll(async () => {
  a = await createTestTenant(db);
  b = await createTestTenant(db);
  for (const [t, cost, calls] of [[a, '1.2500000000', 3n], [b, '9.0000000000', 7n]] as const) {
    const sums = { model: 'gpt-4o', queryType: 'coding', calls, costUsd: cost, inputTokens: 100, outputTokens: 50 };
    await db.callRollupHourly.create({ data: { projectId: t.project.id, hour, ...sums } });
    await db.callRollupDaily.create({ data: { projectId: t.project.id, day: new Date('2026-11-20T00:00:00Z'), ...sums } });
  }
});
afterAll(async () => {
  await a.cleanup();
  await b.cleanup();
});

describe('overview.spendSummary', () => {
  it("returns the project's totals from the rollups", async () => {
    const summary = await callerFor(db, { ...a.user, name: 'A' }).overview.spendSummary({ projectId: a.project.id, ...range });
    expect(summary).toEqual({ totalCostUsd: '1.25', calls: 3, unpricedCalls: 0, inputTokens: 100, outputTokens: 50 });
  });

  it("does not let a member of one organization read another's project", async () => {
    await expect(
      callerFor(db, { ...a.user, name: 'A' }).overview.spendSummary({ projectId: b.project.id, ...range }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('requires sign-in', async () => {
    await expect(callerFor(db, null).overview.spendSummary({ projectId: a.project.id, ...range })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('projects.list', () => {
  it("lists only the user's own organizations' projects", async () => {
    const list = await callerFor(db, { ...b.user, name: 'B' }).projects.list();
    expect(list.map((p) => p.id)).toEqual([b.project.id]);
  });
});
