import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createMailer } from '@tierlens/reports';
import { testDatabaseUrl, testDb, createTestTenant } from '@tierlens/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertScheduler } from './alert-scheduler.ts';
import { detectAnomalies } from './detect-anomalies.ts';
import { verifyWebhookSignature, WEBHOOK_DELIVERY_HEADER, WEBHOOK_SIGNATURE_HEADER } from './sign-webhook.ts';

const run = promisify(execFile);
const db = testDb();
const HOUR = 3_600_000;
const NOW = new Date('2026-12-10T12:30:00Z');
const SECRET = 'whsec_test_0123456789abcdef0123456789';

/** A receiver of webhooks and Slack messages on loopback, answering with the statuses it is told. */
interface Received { path: string; headers: Record<string, string | string[] | undefined>; body: string }
let server: Server;
let base: string;
const received: Received[] = [];
const failures: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      received.push({ path: req.url ?? '', headers: req.headers, body });
      res.statusCode = failures.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function addRollup(projectId: string, hour: Date, costUsd: number, dims: { model?: string; queryType?: string; feature?: string } = {}) {
  await db.$executeRaw`
    INSERT INTO call_rollups_hourly (project_id, hour, provider, model, query_type, feature, environment, calls, cost_usd)
    VALUES (${projectId}::uuid, ${hour}, 'openai', ${dims.model ?? 'gpt-4o'}, ${dims.queryType ?? 'extraction'}, ${dims.feature ?? 'invoice-parser'}, '', 10, ${costUsd.toFixed(10)}::numeric)
    ON CONFLICT (project_id, hour, provider, model, query_type, feature, environment) DO UPDATE SET cost_usd = call_rollups_hourly.cost_usd + EXCLUDED.cost_usd`;
}

async function tenantWithChannels() {
  const tenant = await createTestTenant(db);
  const tag = tenant.project.id.slice(0, 8);
  const webhook = await db.notificationChannel.create({ data: { organizationId: tenant.org.id, kind: 'webhook', name: 'ops hook', target: `${base}/hook/${tag}`, secret: SECRET } });
  const slack = await db.notificationChannel.create({ data: { organizationId: tenant.org.id, kind: 'slack', name: '#llm-spend', target: `${base}/slack/${tag}` } });
  const email = await db.notificationChannel.create({ data: { organizationId: tenant.org.id, kind: 'email', name: 'finance', target: 'finance@example.test' } });
  return { tenant, tag, webhook, slack, email };
}

describe('budget alerts', () => {
  it('notify each threshold exactly once on every channel with two scheduler processes running', async () => {
    const { tenant, tag } = await tenantWithChannels();
    // December so far: $6 a day for 9 days ($54), then today's $3: past 50% of $100, forecast well past 100%.
    for (let d = 1; d <= 9; d++) await addRollup(tenant.project.id, new Date(Date.UTC(2026, 11, d, 10)), 6);
    await addRollup(tenant.project.id, new Date(Date.UTC(2026, 11, 10, 9)), 3);
    await db.budget.create({ data: { organizationId: tenant.org.id, projectId: tenant.project.id, scope: 'project', name: 'Project monthly', limitUsd: '100', timeZone: 'UTC' } });

    const outbox = mkdtempSync(join(tmpdir(), 'tierlens-alerts-'));
    const script = fileURLToPath(new URL('./testing/alert-tick-process.ts', import.meta.url));
    const env = { ...process.env, DATABASE_URL: testDatabaseUrl(), ALERT_NOW: NOW.toISOString(), ALERT_OUTBOX: outbox, ALERT_TICKS: '3' };
    // Two processes start at the same moment, each checking three times.
    const [a, b] = await Promise.all([run(process.execPath, ['--import', 'tsx', script], { env }), run(process.execPath, ['--import', 'tsx', script], { env })]);
    const ticks = [...JSON.parse(a.stdout), ...JSON.parse(b.stdout)] as Array<{ sent: number }>;

    // 50% reached on actual spend; 80% and 100% on the forecast: three events × three channels.
    expect(ticks.reduce((n, t) => n + t.sent, 0)).toBe(9);
    const hooks = received.filter((r) => r.path === `/hook/${tag}`);
    expect(hooks.map((h) => { const e = JSON.parse(h.body); return `${e.threshold}:${e.basis}`; }).sort()).toEqual(['100:forecast', '50:actual', '80:forecast']);
    expect(received.filter((r) => r.path === `/slack/${tag}`)).toHaveLength(3);
    expect(readdirSync(outbox).filter((f) => f.endsWith('.eml'))).toHaveLength(3);
    const slackText = JSON.parse(received.find((r) => r.path === `/slack/${tag}`)!.body).text as string;
    expect(slackText).toContain('Budget "Project monthly"');
    expect(slackText).toContain('no call was blocked');

    // The next day's spend takes actual spend past 80%: one more event, and nothing repeated.
    await addRollup(tenant.project.id, new Date(Date.UTC(2026, 11, 10, 13)), 30);
    await run(process.execPath, ['--import', 'tsx', script], { env: { ...env, ALERT_NOW: '2026-12-10T14:00:00Z', ALERT_TICKS: '2' } });
    const after = received.filter((r) => r.path === `/hook/${tag}`).map((h) => { const e = JSON.parse(h.body); return `${e.threshold}:${e.basis}`; });
    expect(after.sort()).toEqual(['100:forecast', '50:actual', '80:actual', '80:forecast']);
    rmSync(outbox, { recursive: true, force: true });
    await tenant.cleanup();
  }, 120_000);

  it('sign webhooks so the receiver can verify them and refuse a replay', async () => {
    const { tenant, tag } = await tenantWithChannels();
    await addRollup(tenant.project.id, new Date(Date.UTC(2026, 11, 10, 9)), 80);
    await db.budget.create({ data: { organizationId: tenant.org.id, scope: 'organization', name: 'Org weekly', period: 'week', limitUsd: '100', thresholds: [75] } });
    const scheduler = createAlertScheduler({ db, mailer: createMailer({ smtpUrl: null, from: 'a@b.c', outboxDir: mkdtempSync(join(tmpdir(), 'tl-')) }), publicUrl: 'http://localhost:3000', now: () => NOW });
    await scheduler.tick();
    const [hook] = received.filter((r) => r.path === `/hook/${tag}`);
    const header = hook!.headers[WEBHOOK_SIGNATURE_HEADER] as string;
    expect(verifyWebhookSignature({ secret: SECRET, body: hook!.body, header, now: NOW })).toMatchObject({ ok: true });
    expect(hook!.headers[WEBHOOK_DELIVERY_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
    // A captured request replayed later is refused, and a tampered one at once.
    expect(verifyWebhookSignature({ secret: SECRET, body: hook!.body, header, now: new Date(NOW.getTime() + 10 * 60_000) })).toEqual({ ok: false, reason: 'expired' });
    expect(verifyWebhookSignature({ secret: SECRET, body: hook!.body.replace('"threshold":75', '"threshold":5'), header, now: NOW })).toEqual({ ok: false, reason: 'signature' });
    await tenant.cleanup();
  });

  it('retry a refused delivery with backoff, and keep the log', async () => {
    const { tenant, webhook } = await tenantWithChannels();
    await db.notificationChannel.deleteMany({ where: { organizationId: tenant.org.id, id: { not: webhook.id } } });
    await addRollup(tenant.project.id, new Date(Date.UTC(2026, 11, 10, 9)), 60);
    await db.budget.create({ data: { organizationId: tenant.org.id, projectId: tenant.project.id, scope: 'project', name: 'Tight', limitUsd: '100', thresholds: [50] } });
    let now = NOW;
    const scheduler = createAlertScheduler({ db, mailer: createMailer({ smtpUrl: null, from: 'a@b.c', outboxDir: mkdtempSync(join(tmpdir(), 'tl-')) }), publicUrl: 'http://localhost:3000', now: () => now });
    failures.push(503);
    expect(await scheduler.tick()).toMatchObject({ sent: 0, failed: 1 });
    const log = () => db.notificationDelivery.findMany({ where: { channelId: webhook.id }, select: { status: true, attempts: true, responseStatus: true, lastError: true } });
    expect(await log()).toEqual([{ status: 'retry', attempts: 1, responseStatus: 503, lastError: 'the receiver answered HTTP 503' }]);
    now = new Date(NOW.getTime() + 30_000);
    expect(await scheduler.tick()).toMatchObject({ sent: 0, failed: 0 });
    now = new Date(NOW.getTime() + 61_000);
    expect(await scheduler.tick()).toMatchObject({ sent: 1 });
    expect(await log()).toEqual([{ status: 'sent', attempts: 2, responseStatus: 200, lastError: null }]);
    await tenant.cleanup();
  });
});

describe('spend anomalies', () => {
  it('are found against the same hour of earlier weeks, name the feature that moved, and notify once', async () => {
    const { tenant, tag } = await tenantWithChannels();
    await db.notificationChannel.updateMany({ where: { organizationId: tenant.org.id, kind: { not: 'slack' } }, data: { enabled: false } });
    const lastHour = new Date(Math.floor(NOW.getTime() / HOUR) * HOUR - HOUR);
    for (let w = 1; w <= 4; w++) {
      for (let h = 0; h < 4; h++) await addRollup(tenant.project.id, new Date(lastHour.getTime() - w * 168 * HOUR - h * HOUR), 2, { feature: 'invoice-parser' });
    }
    await addRollup(tenant.project.id, new Date(lastHour.getTime() - HOUR), 2, { feature: 'invoice-parser' });
    await addRollup(tenant.project.id, lastHour, 2, { feature: 'invoice-parser' });
    await addRollup(tenant.project.id, lastHour, 40, { feature: 'bulk-import' });

    const first = await detectAnomalies(db, { now: NOW, publicUrl: 'http://localhost:3000' });
    const again = await detectAnomalies(db, { now: NOW, publicUrl: 'http://localhost:3000' });
    expect(first.recorded).toBeGreaterThanOrEqual(1);
    expect(again.recorded).toBe(0);
    const [anomaly] = await db.spendAnomaly.findMany({ where: { projectId: tenant.project.id } });
    expect(anomaly).toMatchObject({ queryType: 'extraction', model: 'gpt-4o', fromHour: lastHour });
    expect(Number(anomaly!.spendUsd)).toBe(42);
    expect(Number(anomaly!.expectedUsd)).toBe(2);
    expect((anomaly!.drivers as Array<{ dimension: string; value: string }>)[0]).toEqual({ dimension: 'feature', value: 'bulk-import', beforeUsd: 0, afterUsd: 40 });

    const scheduler = createAlertScheduler({ db, mailer: createMailer({ smtpUrl: null, from: 'a@b.c', outboxDir: mkdtempSync(join(tmpdir(), 'tl-')) }), publicUrl: 'http://localhost:3000', now: () => NOW });
    await scheduler.tick();
    const slack = received.filter((r) => r.path === `/slack/${tag}`).map((r) => JSON.parse(r.body).text as string);
    expect(slack).toHaveLength(1);
    expect(slack[0]).toContain('What moved: feature "bulk-import"');
    await tenant.cleanup();
  });
});
