import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

const db = testDb();
let a: Awaited<ReturnType<typeof createTestTenant>>;
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });

beforeAll(async () => {
  a = await createTestTenant(db);
});
afterAll(() => a.cleanup());

describe('rules.setMode and rules.outcomes', () => {
  it('sets a mode, clears a pause, refuses an impossible canary share, and is not for viewers', async () => {
    const projectId = a.project.id;
    const { id: ruleId } = await db.routingRule.create({
      data: { projectId, queryType: 'coding', fromModel: 'o3', toModel: 'gpt-5-mini', mode: 'off', pausedAt: new Date(), pauseReason: 'Paused automatically: error rate 40.0% routed vs 2.0% control.' },
      select: { id: true },
    });
    expect((await as(a.user).rules.list({ projectId }))[0]).toMatchObject({ mode: 'off', pauseReason: expect.stringMatching(/^Paused automatically/) });

    await as(a.user).rules.setMode({ projectId, ruleId, setting: { mode: 'canary', canaryShare: 0.1 } });
    expect(await db.routingRule.findUniqueOrThrow({ where: { id: ruleId }, select: { mode: true, canaryShare: true, pausedAt: true, pauseReason: true } })).toEqual({
      mode: 'canary',
      canaryShare: 0.1,
      pausedAt: null,
      pauseReason: null,
    });
    await as(a.user).rules.setMode({ projectId, ruleId, setting: { mode: 'enforce' } });
    expect((await db.routingRule.findUniqueOrThrow({ where: { id: ruleId } })).canaryShare).toBeNull();

    await expect(as(a.user).rules.setMode({ projectId, ruleId, setting: { mode: 'canary', canaryShare: 1 } })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(as(a.user).rules.setMode({ projectId, ruleId, setting: { mode: 'canary' } as never })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const viewer = await a.addMember('viewer');
    await expect(as(viewer).rules.setMode({ projectId, ruleId, setting: { mode: 'off' } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(as(a.user).rules.setMode({ projectId, ruleId: '00000000-0000-4000-8000-000000000000', setting: { mode: 'off' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // A rule with no tagged calls yet: nothing to compare, nothing realized.
    const [outcome] = await as(viewer).rules.outcomes({ projectId });
    expect(outcome).toMatchObject({ ruleId, mode: 'enforce', outcome: { calls: { seen: 0, routed: 0, control: 0, shadow: 0 }, realizedSavingUsd: null, verdict: 'insufficient' } });
  });
});
