import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModelStats, buildQueryTypeMatrix, computeFindings, priceCall, summarizeSpend } from '@tierlens/analyzer';
import { REPO_ROOT } from '@tierlens/db/runtime';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import {
  createMailer,
  createReportScheduler,
  queryTypeLabel,
} from '@tierlens/reports';
import { formatCount, formatSavingEffect, formatShare, formatSpend, formatUsd as formatMoney } from '@tierlens/format';
import { startSmtpTestServer, type ReceivedEmail, type SmtpTestServer } from '@tierlens/reports/testing';
import { insertCalls, loadRollupRows, type CallRow } from '@tierlens/db';
import { createUnsubscribeHandlers } from '@/features/reports/server/unsubscribe-handlers';

// The weekly email end to end: calls stored by the ingest's own writer, the scheduler sends the
// report to a real SMTP server, and what arrives says what the analyzer says about that week.

const db = testDb();
let pool: pg.Pool;
let smtp: SmtpTestServer;
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let email: ReceivedEmail;
const SECRET = 'k'.repeat(48);
const DASHBOARD = 'http://tierlens.test:3000';
const WEEK = { from: new Date('2026-11-16T00:00:00Z'), to: new Date('2026-11-23T00:00:00Z') };
const LAST_WEEK = { from: new Date('2026-11-09T00:00:00Z'), to: WEEK.from };
const SEND_AT = new Date('2026-11-23T09:00:00Z');
const unsubscribe = createUnsubscribeHandlers({ db: () => db, secret: () => SECRET, dashboardUrl: () => DASHBOARD });

type Traffic = [provider: string, model: string, queryType: string, calls: number, input: number, output: number, feature: string | null];
const THIS_WEEK: Traffic[] = [
  ['anthropic', 'claude-opus-4-6', 'coding', 420, 6000, 900, 'code-review'],
  ['anthropic', 'claude-sonnet-4-6', 'coding', 120, 6000, 900, 'code-review'],
  ['openai', 'gpt-5-nano', 'coding', 240, 6000, 900, 'autocomplete'],
  ['openai', 'gpt-5', 'expert_qa', 90, 1500, 600, 'support-bot'],
  ['openai', 'gpt-4o-mini', 'summarization', 300, 5000, 300, 'docs-search'],
  ['gcp.gen_ai', 'gemini-2.5-flash', 'extraction', 160, 2500, 250, null],
  ['acme', 'in-house-7b', 'classification', 80, 600, 10, null],
];
const PREVIOUS_WEEK: Traffic[] = [
  ['anthropic', 'claude-opus-4-6', 'coding', 300, 6000, 900, 'code-review'],
  ['openai', 'gpt-4o-mini', 'summarization', 320, 5000, 300, 'docs-search'],
  ['gcp.gen_ai', 'gemini-2.5-flash', 'extraction', 150, 2500, 250, null],
];

function calls(traffic: Traffic[], from: Date): CallRow[] {
  const span = WEEK.to.getTime() - WEEK.from.getTime();
  return traffic.flatMap(([provider, model, queryType, n, input, output, feature]) =>
    Array.from({ length: n }, (_, i) => {
      const startTime = new Date(from.getTime() + Math.floor(((i + 0.5) / n) * span));
      const inputTokens = input + (i % 17) * 10;
      const outputTokens = output + (i % 5) * 7;
      const price = priceCall({ provider, model, inputTokens, outputTokens, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, at: startTime });
      return {
        projectId: tenant.project.id, traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), startTime, parentSpanId: null,
        durationMs: 800 + (i % 9) * 100, timeToFirstTokenMs: null, provider, requestModel: model, responseModel: model, model, operation: 'chat',
        status: i % 40 === 0 ? 'error' : 'ok', errorType: null, inputTokens, outputTokens, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0,
        usageSource: 'reported', costUsd: price.status === 'priced' ? price.costUsd : null, reportedCostUsd: null,
        priceVersion: price.status === 'priced' ? price.priceVersion : null, queryType, queryTypeSource: 'hint', queryTypeConfidence: 1,
        finishReasons: ['stop'], feature, environment: 'production', endUserId: null, serviceName: 'checkout', convention: 'tierlens',
        attributes: {}, promptContent: null, completionContent: null,
      } satisfies CallRow;
    }),
  );
}

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  smtp = await startSmtpTestServer();
  tenant = await createTestTenant(db);
  await db.project.update({ where: { id: tenant.project.id }, data: { name: 'Checkout assistant' } });
  const rows = [...calls(THIS_WEEK, WEEK.from), ...calls(PREVIOUS_WEEK, LAST_WEEK.from)];
  for (let i = 0; i < rows.length; i += 500) await insertCalls(pool, rows.slice(i, i + 500));
  await db.reportSubscription.create({ data: { userId: tenant.user.id, projectId: tenant.project.id, createdAt: new Date('2026-11-01T00:00:00Z') } });

  const scheduler = createReportScheduler({
    db,
    mailer: createMailer({ smtpUrl: smtp.url, from: 'Tierlens <reports@tierlens.test>', outboxDir: join(tmpdir(), 'tierlens-unused-outbox') }),
    secret: SECRET,
    dashboardUrl: DASHBOARD,
    projectIds: [tenant.project.id],
    log: () => {},
  });
  expect(await scheduler.tick(SEND_AT)).toMatchObject({ claimed: 1, sent: 1 });
  email = (await smtp.waitFor(1))[0]!;
}, 60_000);

afterAll(async () => {
  await tenant.cleanup();
  await smtp.close();
  await pool.end();
});

/** The analyzer's figures for the same week, read the way the dashboard reads them. */
async function analyzerFigures() {
  const by = { bucket: 'range', groupBy: ['provider', 'model', 'queryType'] } as const;
  const [current, previous] = await Promise.all([loadRollupRows(db, tenant.project.id, WEEK, by), loadRollupRows(db, tenant.project.id, LAST_WEEK, by)]);
  return { summary: summarizeSpend(current, previous), matrix: buildQueryTypeMatrix(current), models: buildModelStats(current), current };
}

describe('weekly email report', () => {
  it('arrives with a subject, an HTML and a plain-text part, from SMTP_FROM to the subscriber', () => {
    expect(email.to).toEqual([tenant.user.email]);
    expect(email.parsed.from?.value[0]).toMatchObject({ name: 'Tierlens', address: 'reports@tierlens.test' });
    expect(email.parsed.subject).toMatch(/^Checkout assistant: \$[\d,.]+ spent \([+−]\d+\.\d%\) · Nov 16 – 22, 2026$/);
    expect(email.parsed.html).toBeTruthy();
    expect(email.parsed.text).toContain('TIERLENS WEEKLY REPORT: Checkout assistant');
  });

  it('has the analyzer’s figures for the week: spend, change, query types and models', async () => {
    const { summary, matrix, models, current } = await analyzerFigures();
    // The rollups equal the raw calls, so the analyzer's total is the calls' own total.
    const raw = await pool.query<{ cost: string; calls: number }>(
      'SELECT sum(cost_usd)::text AS cost, count(*)::int AS calls FROM llm_calls WHERE project_id = $1 AND start_time >= $2 AND start_time < $3',
      [tenant.project.id, WEEK.from, WEEK.to],
    );
    expect(Number(summary.current.costUsd)).toBeCloseTo(Number(raw.rows[0]!.cost), 10);
    expect(summary.current.calls).toBe(raw.rows[0]!.calls);

    const text = email.parsed.text!;
    expect(text).toContain(`Spend: ${formatMoney(summary.current.costUsd)} (+`);
    expect(text).toContain(`last week ${formatMoney(summary.previous.costUsd)})`);
    expect(text).toContain(`Calls: ${formatCount(summary.current.calls)} (`);
    expect(email.parsed.subject).toContain(formatMoney(summary.current.costUsd));
    for (const q of matrix.queryTypes.slice(0, 6)) {
      const unpriced = current.filter((r) => r.queryType === q.queryType).reduce((a, r) => a + r.unpricedCalls, 0);
      expect(text).toContain(`- ${queryTypeLabel(q.queryType)}: ${formatSpend({ ...q, unpricedCalls: unpriced })} (${formatShare(q.share)}), ${formatCount(q.calls)} calls`);
    }
    for (const m of models.slice(0, 6)) {
      expect(text).toContain(`- ${m.model} (${m.provider}, ${m.tier ?? 'unknown tier'}): ${formatSpend(m)} (`);
    }
    expect(text).toContain('- in-house-7b (acme): 80 calls');
    for (const m of models.slice(0, 6)) expect(email.parsed.html).toContain(formatSpend(m));
  });

  it('has the analyzer’s findings for the week: the saving with its rule, and the underbidding risk', async () => {
    const rows = await loadRollupRows(db, tenant.project.id, WEEK, { bucket: 'hour', groupBy: ['provider', 'model', 'queryType', 'feature', 'environment'] });
    const { findings } = computeFindings({ rows, period: { start: WEEK.from, end: WEEK.to } });
    const saving = findings.find((f) => f.kind === 'overpaying' && f.confidence !== 'low');
    const risks = findings.filter((f) => f.kind === 'underbidding' && f.confidence !== 'low');
    expect(saving).toMatchObject({ queryType: 'coding', current: { model: 'claude-opus-4-6' } });
    // gpt-5-nano below the coding floor; since the LMArena import also gpt-4o-mini on summarization (LMArena longer query).
    expect(risks.map((f) => [f.queryType, f.current.model]).sort()).toEqual([['coding', 'gpt-5-nano'], ['summarization', 'gpt-4o-mini']]);
    const text = email.parsed.text!;
    for (const f of [saving!, ...risks]) {
      expect(text).toContain(`${f.current.model} -> ${f.recommended.model}`);
      expect(text).toContain(formatSavingEffect(f.monthlySavingUsd));
      expect(text).toContain(`Rule: when query type = ${f.queryType} and model = ${f.current.catalogId ?? f.current.model} → use ${f.recommended.model}`);
    }
  });

  it('renders as a clean report in Chromium, with the same figures', async () => {
    const { summary } = await analyzerFigures();
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 720, height: 1000 } });
      // No network: the email must not depend on anything outside itself.
      await page.route('**/*', (route) => route.abort());
      await page.setContent(email.parsed.html as string, { waitUntil: 'load' });
      mkdirSync(join(REPO_ROOT, 'artifacts'), { recursive: true });
      await page.screenshot({ path: join(REPO_ROOT, 'artifacts/weekly-report.png'), fullPage: true });
      expect(await page.locator('[data-figure="spend"]').textContent()).toBe(formatMoney(summary.current.costUsd));
      expect(await page.locator('[data-figure="calls"]').textContent()).toBe(formatCount(summary.current.calls));
      expect(await page.locator('img').count()).toBe(0);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(720);
    } finally {
      await browser.close();
    }
  });

  it('carries List-Unsubscribe with one-click, and the signed link unsubscribes while a tampered one does not', async () => {
    const header = (key: string) => email.parsed.headerLines.find((h) => h.key === key)?.line.replace(/^[^:]+:\s*/, '');
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const link = /^<(.+)>$/.exec(header('list-unsubscribe') ?? '')?.[1];
    expect(link).toMatch(new RegExp(`^${DASHBOARD}/unsubscribe\\?`));
    expect(email.parsed.text).toContain(`Unsubscribe: ${link}`);
    const enabled = async () => (await db.reportSubscription.findUniqueOrThrow({ where: { userId_projectId: { userId: tenant.user.id, projectId: tenant.project.id } } })).enabled;

    const tampered = new URL(link!);
    tampered.searchParams.set('p', '00000000-0000-4000-8000-000000000000');
    expect((await unsubscribe.POST(new Request(tampered, { method: 'POST', body: 'List-Unsubscribe=One-Click' }))).status).toBe(400);
    const badSig = new URL(link!);
    badSig.searchParams.set('s', badSig.searchParams.get('s')!.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')));
    expect((await unsubscribe.GET(new Request(badSig))).status).toBe(400);
    expect((await unsubscribe.POST(new Request(badSig, { method: 'POST' }))).status).toBe(400);
    expect(await enabled()).toBe(true);

    // Opening the link only asks; it changes nothing (mail scanners open links).
    const confirm = await unsubscribe.GET(new Request(link!));
    expect(confirm.status).toBe(200);
    expect(await confirm.text()).toContain('Checkout assistant');
    expect(await enabled()).toBe(true);

    // The mail client's one-click POST (RFC 8058).
    const done = await unsubscribe.POST(new Request(link!, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' }));
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('You are unsubscribed');
    expect(await enabled()).toBe(false);
  });
});
