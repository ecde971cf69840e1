import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

const db = testDb();
type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: Tenant;
let b: Tenant;
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });
const DAY = 86_400_000;

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
});
afterAll(async () => {
  await Promise.all([a.cleanup(), b.cleanup()]);
});

async function spend(projectId: string, at: Date, usd: number) {
  await db.$executeRaw`
    INSERT INTO call_rollups_hourly (project_id, hour, provider, model, query_type, feature, environment, calls, cost_usd)
    VALUES (${projectId}::uuid, ${new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000)}, 'openai', 'gpt-4o', 'coding', 'ide', '', 1, ${usd.toFixed(10)}::numeric)
    ON CONFLICT (project_id, hour, provider, model, query_type, feature, environment) DO UPDATE SET cost_usd = call_rollups_hourly.cost_usd + EXCLUDED.cost_usd`;
}

describe('budgets', () => {
  it('are created by admins and show spend so far, the forecast and thresholds reached on the Overview', async () => {
    const now = Date.now();
    for (let d = 0; d < 20; d++) await spend(a.project.id, new Date(now - d * DAY), 5);
    await as(a.user).budgets.create({ projectId: a.project.id, budget: { name: 'Coding per week', scope: 'query_type', scopeValue: 'coding', period: 'week', timeZone: 'UTC', limitUsd: '10', thresholds: [50, 100] } });
    await as(a.user).budgets.create({ projectId: a.project.id, budget: { name: 'Org month', scope: 'organization', period: 'month', timeZone: 'Europe/Berlin', limitUsd: '100000' } });
    const watch = await as(a.user).budgets.watch({ projectId: a.project.id });
    const coding = watch.budgets.find((x) => x.name === 'Coding per week')!;
    expect(coding.scope).toBe('query_type');
    expect(coding.actualUsd).toBeGreaterThanOrEqual(5);
    expect(coding.forecastUsd).toBeGreaterThanOrEqual(coding.actualUsd);
    expect(coding.reached.map((r) => r.threshold)).toContain(50);
    expect(watch.budgets.find((x) => x.name === 'Org month')).toMatchObject({ timeZone: 'Europe/Berlin', thresholds: [50, 80, 100], reached: [] });
    expect(watch.forecast.forecastUsd).toBeGreaterThanOrEqual(watch.forecast.actualUsd);
    expect(watch.forecast.actualUsd).toBeGreaterThan(0);
  });

  it('refuse bad input with a message, and members who are not admins', async () => {
    await expect(as(a.user).budgets.create({ projectId: a.project.id, budget: { name: 'x', scope: 'feature', period: 'month', timeZone: 'Mars/Olympus', limitUsd: '-3' } })).rejects.toThrow(/time zone|USD|feature/);
    const member = await a.addMember('member');
    await expect(as(member).budgets.create({ projectId: a.project.id, budget: { name: 'x', scope: 'project', period: 'month', timeZone: 'UTC', limitUsd: '1' } })).rejects.toThrow(/admin role/);
    expect((await as(member).budgets.list({ projectId: a.project.id })).length).toBeGreaterThan(0);
  });

  it('stay in their organization: another tenant neither sees nor deletes them', async () => {
    const [mine] = await as(a.user).budgets.list({ projectId: a.project.id });
    expect(await as(b.user).budgets.list({ projectId: b.project.id })).toEqual([]);
    await expect(as(b.user).budgets.delete({ projectId: b.project.id, budgetId: mine!.id })).rejects.toThrow(/No such budget/);
    expect((await as(a.user).budgets.list({ projectId: a.project.id })).map((x) => x.id)).toContain(mine!.id);
  });
});

describe('notification channels', () => {
  it('never send a webhook secret or a full Slack URL back after creation', async () => {
    const created = await as(a.user).notificationChannels.create({ organizationId: a.org.id, channel: { kind: 'webhook', name: 'hook', target: 'https://hooks.example.test/in', events: ['budget'] } });
    expect(created.secret).toMatch(/^whsec_/);
    await as(a.user).notificationChannels.create({ organizationId: a.org.id, channel: { kind: 'slack', name: 'slack', target: 'https://hooks.slack.test/services/T000/B000/abcdefSECRET', events: ['anomaly'] } });
    const list = await as(a.user).notificationChannels.list({ organizationId: a.org.id });
    const text = JSON.stringify(list);
    expect(text).not.toContain(created.secret!);
    expect(text).not.toContain('abcdefSECRET');
    expect(list.find((c) => c.kind === 'webhook')).toMatchObject({ signed: true, target: 'https://hooks.example.test/in' });
    await expect(as(a.user).notificationChannels.create({ organizationId: a.org.id, channel: { kind: 'email', name: 'x', target: 'not an address', events: ['budget'] } })).rejects.toThrow(/Email addresses/);
  });
});
