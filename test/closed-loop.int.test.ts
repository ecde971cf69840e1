import OpenAI from 'openai';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ZTierlensPolicy } from '@tierlens/analyzer';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { readIngestConfig, startIngest, type RunningIngest } from '@tierlens/ingest';
import { loadWeeklyReport, reportWeek, ruleInEffectLine, weeklyReportText } from '@tierlens/reports';
import { init, withTierlens, wrapOpenAI, type Tierlens } from '@tierlens/sdk';
import { callerFor } from '@/test-support/caller-for';
import { genaiExportJson } from '../apps/ingest/src/test-support/genai-export-json.ts';
import { startFakeProvider, type FakeProvider } from './support/fake-provider.ts';

// The loop, through every real part: spans of an app calling an expensive model reach the ingest;
// (o3, for coding) the Savings page's finding becomes a rule; the rule goes to shadow, then to a canary; the SDK
// (real `openai` client, fake provider) reads the policy from the ingest and routes the canary's
// share; the ingest stores the routed and control calls; the Rules page (tRPC) shows the
// realized saving, and the same number follows from the rows in Postgres.

const db = testDb();
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
let ingest: RunningIngest;
let provider: FakeProvider;
let pool: pg.Pool;
let sdk: Tierlens | undefined;

const HOUR = 3_600_000;
const range = () => ({ from: new Date(Date.now() - 7 * 24 * HOUR), to: new Date(Date.now() + HOUR) });

beforeAll(async () => {
  tenant = await createTestTenant(db);
  ingest = await startIngest(testDatabaseUrl(), readIngestConfig({ INGEST_PORT: '0', INGEST_HOST: '127.0.0.1' }));
  provider = await startFakeProvider();
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
});
afterAll(async () => {
  await sdk?.shutdown();
  await ingest?.close();
  await provider?.close();
  await pool?.end();
  await tenant?.cleanup();
});

async function postSpans(body: string) {
  const res = await fetch(`${ingest.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tenant.apiKey.secret}` }, body });
  expect(res.status).toBe(200);
}

describe('closing the loop', () => {
  it('spans → finding → rule → shadow → canary → realized saving, the same on the Rules page and in the database', async () => {
    const me = { id: tenant.user.id, email: tenant.user.email, name: 'Owner' };
    const trpc = callerFor(db, me);
    const projectId = tenant.project.id;

    // 1. Three days of coding calls on o3, as an instrumented app sends them.
    const now = Date.now();
    const history = Array.from({ length: 600 }, (_, i) => ({
      model: 'o3',
      inputTokens: 1200,
      outputTokens: 300,
      startMs: now - 3 * 24 * HOUR + i * 7 * 60_000,
      extra: { 'tierlens.query_type.hint': 'coding' },
    }));
    for (let i = 0; i < history.length; i += 200) await postSpans(genaiExportJson(history.slice(i, i + 200)));

    // 2. The Savings page's finding for them, turned into a rule.
    const { findings } = await trpc.savings.findings({ projectId, range: range() });
    const finding = findings.find((f) => f.kind === 'overpaying' && f.queryType === 'coding' && f.current.model === 'o3' && (f.recommended.provider ?? 'openai') === 'openai');
    expect(finding, JSON.stringify(findings.map((f) => f.id))).toBeDefined();
    const rule = await trpc.rules.createFromFinding({ projectId, findingId: finding!.id, range: range() });
    const target = rule.toModel;
    expect((await trpc.rules.list({ projectId }))[0]).toMatchObject({ id: rule.id, mode: 'off', canaryShare: null });

    // 3. Shadow: the SDK only records what the rule would use.
    await trpc.rules.setMode({ projectId, ruleId: rule.id, setting: { mode: 'shadow' } });
    sdk = init({ apiKey: tenant.apiKey.secret, endpoint: ingest.url, serviceName: 'closed-loop', routing: { mode: 'enforce', refreshSeconds: 3600 } });
    expect(await sdk.refreshRoutingPolicy()).toBe(true);
    const client = wrapOpenAI(new OpenAI({ apiKey: 'sk-test', baseURL: `${provider.url}/v1`, maxRetries: 0 }));
    const ask = (n: number) =>
      withTierlens({ queryType: 'coding' }, () => client.chat.completions.create({ model: 'o3', messages: [{ role: 'user', content: `Write function number ${n}.` }] }));
    for (let i = 0; i < 40; i++) await ask(i);
    expect(provider.requests.map((r) => r.body.model)).toEqual(Array(40).fill('o3'));

    // 4. Canary at 50 %: the policy endpoint serves it, the SDK routes about half.
    await trpc.rules.setMode({ projectId, ruleId: rule.id, setting: { mode: 'canary', canaryShare: 0.5 } });
    expect(await sdk.refreshRoutingPolicy()).toBe(true);
    const served = ZTierlensPolicy.parse(await (await fetch(`${ingest.url}/v1/routing-policy`, { headers: { authorization: `Bearer ${tenant.apiKey.secret}` } })).json());
    expect(served.rules).toEqual([expect.objectContaining({ id: rule.id, mode: 'canary', canaryShare: 0.5, use: expect.objectContaining({ model: target }) })]);
    provider.requests.length = 0;
    for (let i = 0; i < 200; i++) await ask(i);
    const sent = provider.requests.map((r) => r.body.model as string);
    const routedSent = sent.filter((m) => m === target).length;
    expect(routedSent).toBeGreaterThan(60);
    expect(200 - routedSent).toBeGreaterThan(60);
    await sdk.flush();

    // 5. What the database holds for the rule.
    const { rows } = await pool.query<{ grp: string; calls: number; priced: number; cost: string; model: string }>(
      `SELECT CASE WHEN routing_original_model IS NOT NULL THEN 'routed' WHEN routing_control THEN 'control' ELSE 'shadow' END AS grp,
              count(*)::int AS calls, count(cost_usd)::int AS priced, sum(cost_usd)::text AS cost, min(request_model) AS model
         FROM llm_calls WHERE project_id = $1 AND routing_rule_id = $2 GROUP BY 1`,
      [projectId, rule.id],
    );
    const by = Object.fromEntries(rows.map((r) => [r.grp, r]));
    expect(by.shadow).toMatchObject({ calls: 40, model: 'o3' });
    expect(by.routed).toMatchObject({ calls: routedSent, model: target });
    expect(by.control).toMatchObject({ calls: 200 - routedSent, model: 'o3' });
    const routedModes = await pool.query(`SELECT DISTINCT routing_mode, routing_original_model FROM llm_calls WHERE project_id = $1 AND routing_rule_id = $2 AND routing_original_model IS NOT NULL`, [projectId, rule.id]);
    expect(routedModes.rows).toEqual([{ routing_mode: 'canary', routing_original_model: 'o3' }]);
    const perCall = (g: { priced: number; cost: string }) => Number(g.cost) / g.priced;
    const expectedSaving = (perCall(by.control!) - perCall(by.routed!)) * by.routed!.calls;
    expect(expectedSaving).toBeGreaterThan(0);

    // 6. The Rules page shows the same numbers.
    const outcomes = await trpc.rules.outcomes({ projectId, range: range() });
    const shown = outcomes.find((o) => o.ruleId === rule.id)!;
    expect(shown).toMatchObject({ mode: 'canary', canaryShare: 0.5, pauseReason: null });
    expect(shown.outcome.calls).toEqual({ seen: 240, routed: routedSent, control: 200 - routedSent, shadow: 40 });
    expect(shown.outcome.baseline).toBe('control');
    expect(shown.outcome.realizedSavingUsd).toBeCloseTo(expectedSaving, 10);
    const predictedPerCall = Number(finding!.monthlySavingUsd.point) / finding!.affected.monthlyCalls;
    expect(shown.outcome.predictedSavingUsd).toBeCloseTo(predictedPerCall * routedSent, 10);
    expect(shown.outcome.verdict).toBe('ok');

    // 7. The weekly email: "rules in effect: predicted vs realized", the same figures.
    const firstDay = new Date(Date.now() - 3 * 24 * HOUR).toISOString().slice(0, 10);
    const report = await loadWeeklyReport(db, { projectId, week: reportWeek(firstDay, 'UTC'), dashboardUrl: 'http://tierlens.test' });
    expect(report.rulesInEffect).toHaveLength(1);
    const line = report.rulesInEffect![0]!;
    expect(line).toMatchObject({ ruleId: rule.id, mode: 'canary 50 %', routedCalls: routedSent, controlCalls: 200 - routedSent, pauseReason: null });
    expect(line.realizedSavingUsd).toBeCloseTo(expectedSaving, 10);
    const text = weeklyReportText(report, 'http://tierlens.test/unsubscribe');
    expect(text).toContain(`RULES IN EFFECT: PREDICTED VS REALIZED\n- ${ruleInEffectLine(line)}`);
    expect(ruleInEffectLine(line)).toMatch(/^Coding: o3 → \S+ \(canary 50 %\): \d+ routed, \d+ control; saving realized \$[\d.]+, predicted \$[\d.]+$/);
  }, 90_000);
});
