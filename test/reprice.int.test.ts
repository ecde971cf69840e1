import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatUsd, parseUsd, priceCall, type PriceOverride } from '@tierlens/analyzer';
import { createProject, insertCalls, type CallRow } from '@tierlens/db';
import { repriceStoredCalls } from '@tierlens/db/advice';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

// A price override re-prices the calls already stored from its effective date, in every project
// it applies to, and moves their hourly and daily rollups by exactly the difference; deleting it
// prices them back.

const db = testDb();
let pool: pg.Pool;
let a: Awaited<ReturnType<typeof createTestTenant>>;
let b: Awaited<ReturnType<typeof createTestTenant>>;
let secondProjectId: string;
const END = Date.parse('2026-11-20T15:00:00Z');
const EFFECTIVE = new Date(END - 2 * 86_400_000);
const as = (t: typeof a) => callerFor(db, { ...t.user, name: 'owner' });

function call(projectId: string, i: number, provider: string, model: string): CallRow {
  const start = new Date(END - ((i * 17.3 * 60_000) % (3 * 86_400_000)) - 1000);
  const usage = { inputTokens: 1000 + i * 7, outputTokens: 200 + (i % 13) * 11, cacheReadTokens: i % 4 ? 0 : 300, cacheWriteTokens: 0, reasoningTokens: 0 };
  const priced = priceCall({ provider, model, at: start, ...usage });
  if (priced.status !== 'priced') throw new Error(`${model} has no public price`);
  return {
    projectId, traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), startTime: start, parentSpanId: null,
    durationMs: 500, timeToFirstTokenMs: null, provider, requestModel: model, responseModel: model, model, operation: 'chat', status: 'ok',
    errorType: null, ...usage, usageSource: 'reported', costUsd: formatUsd(priced.costUsdE10), reportedCostUsd: null,
    priceVersion: priced.priceVersion, queryType: ['coding', 'summarization'][i % 2]!, queryTypeSource: 'hint', queryTypeConfidence: 1,
    finishReasons: ['stop'], feature: i % 3 ? 'search' : null, environment: i % 5 ? 'prod' : null, endUserId: null, serviceName: null,
    convention: 'tierlens', attributes: {}, promptContent: null, completionContent: null,
  };
}

async function costs(projectId: string): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ id: string; cost: string }>(`SELECT span_id AS id, cost_usd::text AS cost FROM llm_calls WHERE project_id = $1`, [projectId]);
  return new Map(rows.map((r) => [r.id, r.cost]));
}

/** Rows where the rollups and the raw calls disagree, hour by hour and day by day. */
async function rollupMismatches(projectId: string): Promise<unknown[]> {
  const raw = (bucket: string) => `SELECT ${bucket} AS t, coalesce(provider, '') AS provider, model, query_type, coalesce(feature, '') AS feature,
      coalesce(environment, '') AS environment, coalesce(sum(cost_usd), 0) AS cost, count(*) FILTER (WHERE cost_usd IS NULL) AS unpriced
    FROM llm_calls WHERE project_id = $1 GROUP BY 1, 2, 3, 4, 5, 6`;
  const rollup = (table: string, col: string) => `SELECT ${col} AS t, provider, model, query_type, feature, environment, cost_usd AS cost, unpriced_calls AS unpriced
    FROM ${table} WHERE project_id = $1`;
  const out: unknown[] = [];
  for (const [bucket, table, col] of [["date_trunc('hour', start_time, 'UTC')", 'call_rollups_hourly', 'hour'], ["date_trunc('day', start_time, 'UTC')", 'call_rollups_daily', 'day']]) {
    const { rows } = await pool.query(`(${raw(bucket!)} EXCEPT ${rollup(table!, col!)}) UNION ALL (${rollup(table!, col!)} EXCEPT ${raw(bucket!)})`, [projectId]);
    out.push(...rows);
  }
  return out;
}

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
  secondProjectId = (await createProject(db, { organizationId: a.org.id, name: `Second ${a.org.id.slice(0, 6)}` })).id;
  const rows = [
    ...Array.from({ length: 240 }, (_, i) => call(a.project.id, i, 'openai', i % 3 ? 'gpt-4o' : 'gpt-4o-2024-08-06')),
    ...Array.from({ length: 60 }, (_, i) => call(a.project.id, 1000 + i, 'anthropic', 'claude-haiku-4-5')),
    ...Array.from({ length: 50 }, (_, i) => call(secondProjectId, 2000 + i, 'openai', 'gpt-4o')),
    ...Array.from({ length: 50 }, (_, i) => call(b.project.id, 3000 + i, 'openai', 'gpt-4o')),
  ];
  for (let i = 0; i < rows.length; i += 100) await insertCalls(pool, rows.slice(i, i + 100));
});
afterAll(async () => {
  await db.$executeRaw`DELETE FROM llm_calls WHERE project_id = ${secondProjectId}::uuid`;
  await Promise.all([a.cleanup(), b.cleanup()]);
  await pool.end();
});

describe('re-pricing after a price override changes', () => {
  it('prices the stored calls again from the effective date, in every project of the organization, and back on delete', async () => {
    const before = { a: await costs(a.project.id), second: await costs(secondProjectId), b: await costs(b.project.id) };
    const price = { inputPerMTok: '2', outputPerMTok: '8.125', cacheReadPerMTok: '0.5' };
    const created = await as(a).priceOverrides.create({
      projectId: a.project.id,
      price: { scope: 'organization', provider: 'openai', model: 'gpt-4o', ...price, effectiveFrom: EFFECTIVE },
    });
    const override: PriceOverride = { id: created.id, provider: 'openai', model: 'gpt-4o', ...price, cacheWritePerMTok: null, effectiveFrom: EFFECTIVE, projectId: null };

    // Every call is what the analyzer prices it at with the override in force, to 10⁻¹⁰ USD.
    const { rows } = await pool.query(
      `SELECT project_id, span_id, provider, model, start_time, input_tokens, output_tokens, cache_read_tokens, cost_usd::text AS cost, price_version
       FROM llm_calls WHERE project_id = ANY($1)`,
      [[a.project.id, secondProjectId]],
    );
    let moved = 0;
    let deltaE10 = 0n;
    for (const r of rows) {
      const expected = priceCall(
        { provider: r.provider, model: r.model, at: r.start_time, inputTokens: Number(r.input_tokens), outputTokens: Number(r.output_tokens), cacheReadTokens: Number(r.cache_read_tokens), cacheWriteTokens: 0, reasoningTokens: 0 },
        { overrides: [override], projectId: r.project_id },
      );
      if (expected.status !== 'priced') throw new Error('unpriced');
      expect(parseUsd(r.cost), `${r.model} at ${r.start_time.toISOString()}`).toBe(expected.costUsdE10);
      expect(r.price_version).toBe(expected.priceVersion);
      const old = (r.project_id === a.project.id ? before.a : before.second).get(r.span_id)!;
      const isGpt4o = r.model.startsWith('gpt-4o');
      expect(expected.priceVersion === `override:${created.id}`).toBe(isGpt4o && r.start_time >= EFFECTIVE);
      if (parseUsd(r.cost) !== parseUsd(old)) {
        moved += 1;
        deltaE10 += expected.costUsdE10 - parseUsd(old);
      }
    }
    expect(moved).toBeGreaterThan(100);
    expect(created.repriced).toMatchObject({ changed: moved, projects: 2, deltaUsd: formatUsd(deltaE10) });
    expect(Number(created.repriced.deltaUsd)).toBeLessThan(0);

    // The rollups moved with the calls, and the other organization's calls did not move.
    expect(await rollupMismatches(a.project.id)).toEqual([]);
    expect(await rollupMismatches(secondProjectId)).toEqual([]);
    expect(await costs(b.project.id)).toEqual(before.b);
    const range = { from: new Date(END - 4 * 86_400_000), to: new Date(END + 3_600_000) };
    const { rows: [raw] } = await pool.query(`SELECT sum(cost_usd)::text AS cost FROM llm_calls WHERE project_id = $1`, [a.project.id]);
    const totals = await as(a).overview.spendSummary({ projectId: a.project.id, ...range });
    expect(Number(totals.totalCostUsd)).toBe(Number(raw.cost));

    // Deleting the override prices the same calls at the public price again: every cost as before.
    const deleted = await as(a).priceOverrides.delete({ projectId: a.project.id, priceOverrideId: created.id });
    expect(deleted.repriced).toMatchObject({ changed: moved, deltaUsd: formatUsd(-deltaE10) });
    expect(await costs(a.project.id)).toEqual(before.a);
    expect(await costs(secondProjectId)).toEqual(before.second);
    expect(await rollupMismatches(a.project.id)).toEqual([]);
  });

  it('prices again, a moment later, a call an ingest priced with the overrides it read before the change', async () => {
    const effective = new Date(END - 3_600_000);
    const created = await as(a).priceOverrides.create({
      projectId: a.project.id,
      price: { scope: 'project', provider: 'anthropic', model: 'claude-haiku-4-5', inputPerMTok: '0.5', outputPerMTok: '2.5', effectiveFrom: effective },
    });
    // An ingest whose override cache predates the change stores a call at the public price
    // after the first pass has run (TIERLENS_REPRICE_FOLLOW_UP_MS is 100 ms in tests).
    const late = { ...call(a.project.id, 4000, 'anthropic', 'claude-haiku-4-5'), startTime: new Date(END - 60_000) };
    await insertCalls(pool, [late]);
    const priceOf = async () =>
      (await pool.query<{ pv: string }>(`SELECT price_version AS pv FROM llm_calls WHERE project_id = $1 AND span_id = $2`, [a.project.id, late.spanId])).rows[0]?.pv;
    expect(await priceOf()).toMatch(/^genai-prices/);
    await expect.poll(priceOf, { timeout: 5_000 }).toBe(`override:${created.id}`);
    expect(await rollupMismatches(a.project.id)).toEqual([]);
    await as(a).priceOverrides.delete({ projectId: a.project.id, priceOverrideId: created.id });
  });

  it('leaves calls without reported usage unpriced, pages through many calls, and keeps microsecond start times', async () => {
    const t = await createTestTenant(db);
    try {
      const rows = Array.from({ length: 45 }, (_, i) => call(t.project.id, 5000 + i, 'openai', 'gpt-4o'));
      // Usage the provider did not report is never priced, at ingest or later.
      const missing = { ...call(t.project.id, 6000, 'openai', 'gpt-4o'), usageSource: 'missing', inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, costUsd: null, priceVersion: null };
      const estimated = { ...call(t.project.id, 6001, 'openai', 'gpt-4o'), usageSource: 'estimated', costUsd: null, priceVersion: null };
      await insertCalls(pool, [...rows, missing, estimated]);
      // Start times with microseconds, as other writers may store them, in one millisecond.
      await pool.query(`UPDATE llm_calls SET start_time = start_time + interval '123 microseconds' WHERE project_id = $1 AND span_id = ANY($2)`, [t.project.id, rows.slice(0, 5).map((r) => r.spanId)]);
      await db.priceOverride.create({ data: { organizationId: t.org.id, provider: 'openai', model: 'gpt-4o', inputPerMTok: '1', outputPerMTok: '4', effectiveFrom: new Date(0) } });
      const summary = await repriceStoredCalls(db, { projectId: t.project.id, organizationId: t.org.id, from: new Date(0) }, { batchSize: 7 });
      expect(summary).toMatchObject({ calls: 45, changed: 45 });
      const { rows: after } = await pool.query(`SELECT span_id, cost_usd::text AS cost, price_version FROM llm_calls WHERE project_id = $1`, [t.project.id]);
      for (const r of after) {
        if (r.span_id === missing.spanId || r.span_id === estimated.spanId) expect(r).toMatchObject({ cost: null, price_version: null });
        else expect(r.price_version).toMatch(/^override:/);
      }
      expect(await rollupMismatches(t.project.id)).toEqual([]);
      // Run again: nothing left to change.
      expect(await repriceStoredCalls(db, { projectId: t.project.id, organizationId: t.org.id, from: new Date(0) }, { batchSize: 7 })).toMatchObject({ calls: 45, changed: 0, deltaUsd: '0' });
    } finally {
      await t.cleanup();
    }
  });

  it('re-prices nothing for a model the project never called', async () => {
    const created = await as(a).priceOverrides.create({ projectId: a.project.id, price: { scope: 'project', model: 'gemini-2.5-pro', inputPerMTok: '1', outputPerMTok: '2' } });
    expect(created.repriced).toEqual({ calls: 0, changed: 0, deltaUsd: '0', projects: 1, error: null });
  });
});
