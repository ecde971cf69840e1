import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { formatUsd as formatMoney } from '@tierlens/format';
import { latestScheduledReport } from '@tierlens/reports';
import { startSmtpTestServer, type SmtpTestServer } from '@tierlens/reports/testing';
import { callerFor } from '@/test-support/caller-for';
import { outboxEmailResponse } from './outbox-email-response';
import { reportsRuntime } from './reports-runtime';

const db = testDb();
type Tenant = Awaited<ReturnType<typeof createTestTenant>>;
let a: Tenant;
let b: Tenant;
let smtp: SmtpTestServer;
let dataDir: string;
const saved = { ...process.env };
const as = (u: { id: string; email: string }) => callerFor(db, { ...u, name: u.email });

beforeAll(async () => {
  smtp = await startSmtpTestServer();
  dataDir = mkdtempSync(join(tmpdir(), 'tierlens-web-reports-'));
  Object.assign(process.env, { SMTP_URL: smtp.url, SMTP_FROM: 'Tierlens <reports@tierlens.test>', TIERLENS_DATA_DIR: dataDir, BETTER_AUTH_SECRET: 'b'.repeat(40), TIERLENS_PUBLIC_URL: 'http://tierlens.test' });
  delete process.env.TIERLENS_REPORT_SECRET;
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
  // Calls in the week the preview shows: the one before the latest Monday 09:00 (UTC, the users' default).
  const { week } = latestScheduledReport(new Date(), { dayOfWeek: 1, hour: 9, timeZone: 'UTC' });
  const hour = new Date(week.start.getTime() + 2 * 86_400_000 + 10 * 3_600_000);
  const sums = { provider: 'anthropic', model: 'claude-sonnet-4-6', queryType: 'coding', calls: 40n, costUsd: '12.34', inputTokens: 4000, outputTokens: 800 };
  await db.callRollupHourly.create({ data: { projectId: a.project.id, hour, ...sums } });
  await db.callRollupDaily.create({ data: { projectId: a.project.id, day: new Date(Math.floor(hour.getTime() / 86_400_000) * 86_400_000), ...sums } });
});
afterAll(async () => {
  process.env = saved;
  await Promise.all([a.cleanup(), b.cleanup()]);
  await smtp.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('reports', () => {
  it('previews the latest scheduled week’s email for any member', async () => {
    const viewer = await a.addMember('viewer');
    const preview = await as(viewer).reports.preview({ projectId: a.project.id });
    expect(preview.transport).toBe('smtp');
    expect(preview.week.timeZone).toBe('UTC');
    expect(preview.subject).toContain(formatMoney('12.34'));
    expect(preview.html).toContain(a.project.name);
    expect(preview.html).toContain('$12.34');
    expect(preview.text).toContain('Spend: $12.34');
  });

  it('sends the report to the signed-in user now', async () => {
    const member = await a.addMember('member');
    const sent = await as(member).reports.sendNow({ projectId: a.project.id });
    expect(sent).toEqual({ to: member.email, transport: 'smtp', file: null });
    const mine = (await smtp.waitFor(1)).filter((m) => m.to.includes(member.email));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.parsed.text).toContain('Spend: $12.34');
    expect(mine[0]!.parsed.headerLines.some((h) => h.key === 'list-unsubscribe' && h.line.includes(`u=${member.id}`))).toBe(true);
  });

  it('without SMTP writes to the outbox, lists the project’s files and shows them only to its members', async () => {
    process.env.SMTP_URL = '';
    try {
      const sent = await as(a.user).reports.sendNow({ projectId: a.project.id });
      expect(sent.transport).toBe('outbox');
      expect(sent.file).toMatch(new RegExp(`^${a.project.id}__now-`));
      const outbox = await as(a.user).reports.outbox({ projectId: a.project.id });
      expect(outbox.transport).toBe('outbox');
      expect(outbox.files.map((f) => f.file)).toEqual([sent.file]);
      expect(outbox.files[0]).toMatchObject({ to: a.user.email, subject: expect.stringContaining('$12.34') });
      expect((await as(b.user).reports.outbox({ projectId: b.project.id })).files).toEqual([]);

      const outboxDir = reportsRuntime().mailer.outboxDir;
      expect(outboxDir).toBe(join(dataDir, 'outbox'));
      const view = await outboxEmailResponse(db, { userId: a.user.id, projectId: a.project.id, file: sent.file!, raw: false, outboxDir });
      expect(view.status).toBe(200);
      expect(view.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(await view.text()).toContain('$12.34');
      const raw = await outboxEmailResponse(db, { userId: a.user.id, projectId: a.project.id, file: sent.file!, raw: true, outboxDir });
      expect(raw.headers.get('content-type')).toBe('message/rfc822');
      expect(await raw.text()).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
      // Another organization's member, another project's id, a path outside the folder, no session.
      expect((await outboxEmailResponse(db, { userId: b.user.id, projectId: a.project.id, file: sent.file!, raw: false, outboxDir })).status).toBe(404);
      expect((await outboxEmailResponse(db, { userId: b.user.id, projectId: b.project.id, file: sent.file!, raw: false, outboxDir })).status).toBe(404);
      expect((await outboxEmailResponse(db, { userId: a.user.id, projectId: a.project.id, file: `${a.project.id}__../../etc/passwd`, raw: true, outboxDir })).status).toBe(404);
      expect((await outboxEmailResponse(db, { userId: null, projectId: a.project.id, file: sent.file!, raw: false, outboxDir })).status).toBe(401);
    } finally {
      process.env.SMTP_URL = smtp.url;
    }
  });
});
