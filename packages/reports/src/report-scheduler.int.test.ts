import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, type Db } from '@tierlens/db';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMailer } from './mailer.ts';
import { createReportScheduler, type ReportSchedulerOptions } from './report-scheduler.ts';
import { startSmtpTestServer, type SmtpTestServer } from './testing/smtp-test-server.ts';

// The scheduler against a real Postgres and a real SMTP server, driven by an injected clock.

const db = testDb();
let otherDb: Db;
let smtp: SmtpTestServer;
let outboxDir: string;
const tenants: Array<Awaited<ReturnType<typeof createTestTenant>>> = [];
const SECRET = 's'.repeat(40);
const MONDAY_9_UTC = new Date('2026-11-23T09:00:00Z');
const MIN = 60_000;

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  otherDb = createDb(testDatabaseUrl(), { max: 2 });
  outboxDir = mkdtempSync(join(tmpdir(), 'tierlens-outbox-'));
});
afterAll(async () => {
  await Promise.all(tenants.map((t) => t.cleanup()));
  await otherDb.$disconnect();
  await smtp.close();
  rmSync(outboxDir, { recursive: true, force: true });
});

/** A tenant with calls in the week of 2026-11-16 and a subscription (created well before). */
async function subscribedTenant(schedule: { timeZone?: string; dayOfWeek?: number; hour?: number; enabled?: boolean } = {}, opts: { calls?: boolean } = {}) {
  const t = await createTestTenant(db);
  tenants.push(t);
  if (opts.calls !== false) {
    const sums = { provider: 'openai', model: 'gpt-4o', queryType: 'coding', calls: 12n, costUsd: '3.5', inputTokens: 1000, outputTokens: 200 };
    await db.callRollupHourly.create({ data: { projectId: t.project.id, hour: new Date('2026-11-18T10:00:00Z'), ...sums } });
    await db.callRollupDaily.create({ data: { projectId: t.project.id, day: new Date('2026-11-18T00:00:00Z'), ...sums } });
  }
  const subscription = await db.reportSubscription.create({
    data: { userId: t.user.id, projectId: t.project.id, timeZone: 'UTC', createdAt: new Date('2026-11-01T00:00:00Z'), ...schedule },
    select: { id: true },
  });
  return { tenant: t, subscriptionId: subscription.id };
}

function scheduler(projectId: string, overrides: Partial<ReportSchedulerOptions> = {}) {
  return createReportScheduler({
    db,
    mailer: createMailer({ smtpUrl: smtp.url, from: 'Tierlens <reports@tierlens.test>', outboxDir }),
    secret: SECRET,
    dashboardUrl: 'http://localhost:3000',
    projectIds: [projectId],
    random: () => 0,
    log: () => {},
    ...overrides,
  });
}

const receivedBy = (email: string) => smtp.received.filter((m) => m.to.includes(email));
const deliveries = (subscriptionId: string) =>
  db.reportDelivery.findMany({ where: { subscriptionId }, select: { status: true, attempts: true, lastError: true, weekStart: true, messageId: true, sentAt: true } });

describe('report scheduler', () => {
  it('sends once when two schedulers in two processes run at the same moment', async () => {
    const { tenant, subscriptionId } = await subscribedTenant();
    const a = scheduler(tenant.project.id);
    const b = scheduler(tenant.project.id, { db: otherDb });
    const results = await Promise.all([a.tick(MONDAY_9_UTC), b.tick(MONDAY_9_UTC), a.tick(MONDAY_9_UTC), b.tick(MONDAY_9_UTC)]);
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(1);
    await Promise.all([a.tick(new Date(MONDAY_9_UTC.getTime() + 60 * MIN)), b.tick(new Date(MONDAY_9_UTC.getTime() + 61 * MIN))]);
    expect(receivedBy(tenant.user.email)).toHaveLength(1);
    const [row] = await deliveries(subscriptionId);
    expect(row).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: MONDAY_9_UTC });
    expect(row!.weekStart.toISOString().slice(0, 10)).toBe('2026-11-16');
    expect(receivedBy(tenant.user.email)[0]!.parsed.messageId).toBe(row!.messageId);
  });

  it('retries an SMTP failure with backoff and then succeeds', async () => {
    const { tenant, subscriptionId } = await subscribedTenant();
    const s = scheduler(tenant.project.id);
    smtp.failNext(1);
    expect(await s.tick(MONDAY_9_UTC)).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    expect((await deliveries(subscriptionId))[0]).toMatchObject({ status: 'retry', attempts: 1, lastError: expect.stringContaining('451') });
    // The first backoff is a minute: nothing happens before it is over.
    expect(await s.tick(new Date(MONDAY_9_UTC.getTime() + 30_000))).toMatchObject({ claimed: 0 });
    expect(await s.tick(new Date(MONDAY_9_UTC.getTime() + MIN))).toMatchObject({ claimed: 1, sent: 1 });
    expect((await deliveries(subscriptionId))[0]).toMatchObject({ status: 'sent', attempts: 2, lastError: null });
    expect(receivedBy(tenant.user.email)).toHaveLength(1);
  });

  it('gives up after the last attempt and records the error', async () => {
    const { tenant, subscriptionId } = await subscribedTenant();
    const s = scheduler(tenant.project.id, { maxAttempts: 2 });
    smtp.failNext(2);
    await s.tick(MONDAY_9_UTC);
    expect(await s.tick(new Date(MONDAY_9_UTC.getTime() + 2 * MIN))).toMatchObject({ claimed: 1, failed: 1 });
    expect((await deliveries(subscriptionId))[0]).toMatchObject({ status: 'failed', attempts: 2, lastError: expect.stringContaining('451') });
    expect(await s.tick(new Date(MONDAY_9_UTC.getTime() + 120 * MIN))).toMatchObject({ claimed: 0 });
    expect(receivedBy(tenant.user.email)).toHaveLength(0);
  });

  it('sends a subscriber in another time zone their report at their own Monday 09:00', async () => {
    const { tenant, subscriptionId } = await subscribedTenant({ timeZone: 'America/Los_Angeles' });
    const s = scheduler(tenant.project.id);
    // 09:00 UTC and 16:59 UTC are before 09:00 in Los Angeles (UTC−8): last week's report is already out of its catch-up window.
    expect(await s.tick(MONDAY_9_UTC)).toMatchObject({ claimed: 0 });
    expect(await s.tick(new Date('2026-11-23T16:59:00Z'))).toMatchObject({ claimed: 0 });
    expect(await s.tick(new Date('2026-11-23T17:00:00Z'))).toMatchObject({ claimed: 1, sent: 1 });
    const [row] = await deliveries(subscriptionId);
    expect(row!.weekStart.toISOString().slice(0, 10)).toBe('2026-11-16');
    const [email] = receivedBy(tenant.user.email);
    expect(email!.parsed.text).toContain('Nov 16 – 22, 2026 (America/Los_Angeles)');
  });

  it('takes over a claim whose process died once its lease is over, and never sends a sent one again', async () => {
    const { tenant, subscriptionId } = await subscribedTenant();
    // A process claimed the delivery at 09:00 with a 10-minute lease and stopped.
    await db.reportDelivery.create({
      data: { subscriptionId, weekStart: new Date('2026-11-16'), status: 'claimed', attempts: 1, claimedAt: MONDAY_9_UTC, nextAttemptAt: new Date(MONDAY_9_UTC.getTime() + 10 * MIN) },
    });
    const logs: string[] = [];
    const s = scheduler(tenant.project.id, { log: (l) => logs.push(l) });
    expect(await s.tick(new Date(MONDAY_9_UTC.getTime() + 5 * MIN))).toMatchObject({ claimed: 0 });
    expect(await s.tick(new Date(MONDAY_9_UTC.getTime() + 10 * MIN))).toMatchObject({ claimed: 1, sent: 1 });
    expect(logs.join('\n')).toMatch(/lease ran out/);
    expect((await deliveries(subscriptionId))[0]).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await s.tick(new Date(MONDAY_9_UTC.getTime() + 30 * MIN))).toMatchObject({ claimed: 0 });
    expect(receivedBy(tenant.user.email)).toHaveLength(1);
  });

  it('sends nothing for a week without calls, or to a subscriber who switched the report off or left', async () => {
    const quiet = await subscribedTenant({}, { calls: false });
    expect(await scheduler(quiet.tenant.project.id).tick(MONDAY_9_UTC)).toMatchObject({ claimed: 1, skipped: 1, sent: 0 });
    expect((await deliveries(quiet.subscriptionId))[0]).toMatchObject({ status: 'skipped', lastError: 'No calls this week or last week.' });

    const off = await subscribedTenant({ enabled: false });
    expect(await scheduler(off.tenant.project.id).tick(MONDAY_9_UTC)).toMatchObject({ claimed: 0 });
    expect(await deliveries(off.subscriptionId)).toEqual([]);

    const left = await subscribedTenant();
    await db.member.deleteMany({ where: { organizationId: left.tenant.org.id, userId: left.tenant.user.id } });
    expect(await scheduler(left.tenant.project.id).tick(MONDAY_9_UTC)).toMatchObject({ claimed: 0 });
    expect(receivedBy(quiet.tenant.user.email).length + receivedBy(off.tenant.user.email).length + receivedBy(left.tenant.user.email).length).toBe(0);
  });

  it('writes an .eml file to the outbox without SMTP, and a retried delivery never writes a second one', async () => {
    const { tenant, subscriptionId } = await subscribedTenant();
    const s = scheduler(tenant.project.id, { mailer: createMailer({ smtpUrl: null, from: 'Tierlens <reports@tierlens.test>', outboxDir }) });
    expect(await s.tick(MONDAY_9_UTC)).toMatchObject({ sent: 1 });
    const files = () => readdirSync(outboxDir).filter((f) => f.startsWith(tenant.project.id));
    expect(files()).toHaveLength(1);
    expect(files()[0]).toMatch(/__week-2026-11-16__/);
    // As if the process had died after writing the file but before recording it.
    await db.reportDelivery.updateMany({ where: { subscriptionId }, data: { status: 'claimed', nextAttemptAt: MONDAY_9_UTC } });
    expect(await s.tick(new Date(MONDAY_9_UTC.getTime() + MIN))).toMatchObject({ claimed: 1, sent: 1 });
    expect(files()).toHaveLength(1);
  });
});
