import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { insertCalls, type CallRow, loadRollupRowSets, loadRollupRows, type LoadRollupOptions } from '@tierlens/db';
import { computeFindings, periodBuckets, whatIf, synthesizeRules } from '@tierlens/analyzer';

// The dashboard reads whole days from the daily rollups and the edges from the hourly ones; the
// ingest writes both in the statement that stores the calls. Whatever the range, the answer must
// equal a sum over the raw calls.

const db = testDb();
let pool: pg.Pool;
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
const END = Date.parse('2026-11-20T15:00:00Z');

function call(i: number, start: Date): CallRow {
  return {
    projectId: tenant.project.id, traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), startTime: start,
    parentSpanId: null, durationMs: 100 + i, timeToFirstTokenMs: i % 3 ? 50 : null, provider: 'openai', requestModel: null, responseModel: null,
    model: ['gpt-4o', 'gpt-4o-mini', 'o3'][i % 3]!, operation: 'chat', status: i % 11 ? 'ok' : 'error', errorType: null,
    inputTokens: 100 + i, outputTokens: 10 + (i % 7), cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, usageSource: 'reported',
    costUsd: i % 13 ? `0.000${(i % 97) + 1}123` : null, reportedCostUsd: null, priceVersion: 'test', queryType: ['coding', 'math', 'general_chat'][i % 3]!,
    queryTypeSource: 'hint', queryTypeConfidence: 1, finishReasons: i % 5 ? ['stop'] : ['length'], feature: i % 2 ? 'search' : null,
    environment: 'prod', endUserId: null, serviceName: null, convention: 'tierlens', attributes: {}, promptContent: null, completionContent: null,
  };
}

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  tenant = await createTestTenant(db);
  // 600 calls spread over ~5 days, at odd minutes, in several batches.
  const rows = Array.from({ length: 600 }, (_, i) => call(i, new Date(END - ((i * 11.7 * 60_000) % (5 * 86_400_000)) - 1000)));
  for (let i = 0; i < rows.length; i += 150) await insertCalls(pool, rows.slice(i, i + 150));
});
afterAll(async () => {
  await tenant.cleanup();
  await pool.end();
});

async function rawTotals(from: Date, to: Date) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS calls, coalesce(sum(cost_usd), 0)::text AS cost, coalesce(sum(input_tokens), 0)::int AS input,
            count(*) FILTER (WHERE status = 'error')::int AS errors, count(*) FILTER (WHERE 'length' = ANY(finish_reasons))::int AS truncated
     FROM llm_calls WHERE project_id = $1 AND start_time >= date_trunc('hour', $2::timestamptz) AND start_time < $3`,
    [tenant.project.id, from, to],
  );
  return rows[0] as { calls: number; cost: string; input: number; errors: number; truncated: number };
}

describe('loadRollupRows', () => {
  const ranges: Array<[string, Date, Date]> = [
    ['within one day', new Date(END - 5 * 3_600_000), new Date(END)],
    ['across day edges', new Date('2026-11-16T07:00:00Z'), new Date('2026-11-19T13:00:00Z')],
    ['whole days only', new Date('2026-11-16T00:00:00Z'), new Date('2026-11-19T00:00:00Z')],
    ['everything', new Date('2026-11-01T00:00:00Z'), new Date('2026-11-30T00:00:00Z')],
  ];
  for (const [name, from, to] of ranges) {
    it(`equals the raw calls ${name}`, async () => {
      const raw = await rawTotals(from, to);
      expect(raw.calls).toBeGreaterThan(0);
      for (const bucket of ['range', 'day', 'hour', { everyDays: 1, origin: new Date('2026-11-03T00:00:00Z') }, { everyDays: 2, origin: new Date('2026-10-01T00:00:00Z') }] as const) {
        const rows = await loadRollupRows(db, tenant.project.id, { from, to }, { bucket, groupBy: ['model', 'queryType'] });
        const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
        if (typeof bucket === 'object') {
          for (const r of rows) {
            const offset = r.hour.getTime() - bucket.origin.getTime();
            if (r.hour.getTime() !== from.getTime()) expect(offset % (bucket.everyDays * 86_400_000), 'aligned to the origin').toBe(0);
            expect(r.hour.getTime()).toBeGreaterThanOrEqual(from.getTime());
            expect(r.hour.getTime()).toBeLessThan(to.getTime());
          }
        }
        expect(sum((r) => r.calls), `${JSON.stringify(bucket)} calls`).toBe(raw.calls);
        expect(sum((r) => r.inputTokens), `${JSON.stringify(bucket)} input tokens`).toBe(raw.input);
        expect(sum((r) => r.errorCalls), `${JSON.stringify(bucket)} errors`).toBe(raw.errors);
        expect(sum((r) => r.truncatedCalls), `${JSON.stringify(bucket)} truncated`).toBe(raw.truncated);
        const cost = rows.reduce((a, r) => a + BigInt(Math.round(Number(r.costUsd) * 1e10)), 0n);
        expect(cost, `${JSON.stringify(bucket)} cost`).toBe(BigInt(Math.round(Number(raw.cost) * 1e10)));
      }
    });
  }
});

describe('loadRollupRowSets', () => {
  it('returns, in one scan, what loadRollupRows returns set by set', async () => {
    const sets: LoadRollupOptions[] = [
      { bucket: 'day', groupBy: ['model'] },
      { bucket: 'day', groupBy: ['queryType'] },
      { bucket: 'range', groupBy: ['feature'] },
      { bucket: 'range', groupBy: ['provider', 'model'] },
      { bucket: 'range', groupBy: [] },
      { bucket: 'range', groupBy: [] },
      { bucket: { everyDays: 2, origin: new Date('2026-11-01T00:00:00Z') }, groupBy: ['model', 'feature'] },
    ];
    const sort = (rows: Array<{ hour: Date; model: string; queryType: string; feature: string; provider: string }>) =>
      [...rows].sort((a, b) => a.hour.getTime() - b.hour.getTime() || `${a.provider}${a.model}${a.queryType}${a.feature}`.localeCompare(`${b.provider}${b.model}${b.queryType}${b.feature}`));
    for (const [from, to] of [[new Date('2026-11-16T07:00:00Z'), new Date('2026-11-19T13:00:00Z')], [new Date(END - 5 * 3_600_000), new Date(END)]] as const) {
      const together = await loadRollupRowSets(db, tenant.project.id, { from, to }, sets);
      expect(together).toHaveLength(sets.length);
      for (const [i, set] of sets.entries()) {
        const alone = await loadRollupRows(db, tenant.project.id, { from, to }, set);
        expect(alone.length, JSON.stringify(set)).toBeGreaterThan(0);
        expect(sort(together[i]!), JSON.stringify(set)).toEqual(sort(alone));
      }
    }
    // With an hourly set the whole range is read from the hourly rollups, and the answer holds.
    const [hours, total] = await loadRollupRowSets(db, tenant.project.id, { from: new Date('2026-11-16T07:00:00Z'), to: new Date('2026-11-19T13:00:00Z') }, [
      { bucket: 'hour', groupBy: ['model'] },
      { bucket: 'range', groupBy: [] },
    ]);
    expect(hours!.reduce((a, r) => a + r.calls, 0)).toBe(total![0]!.calls);
  });
});

describe('advice from summed rows', () => {
  // The Savings and Rules pages ask the database for rows summed to what the analyzer reads
  // (buckets of the period, no environments); the answer must be the one the hourly rows give.
  const from = new Date(END - 5 * 86_400_000);
  const to = new Date(END);
  const period = { start: from, end: to };
  const options = { minCalls: 20, minObservedCalls: 20, bucketAlignment: 'utc-midnight' } as const;
  let advised: Awaited<ReturnType<typeof createTestTenant>>;

  beforeAll(async () => {
    // Coding on a frontier model (overpaying) and on a budget one (underbidding), in two
    // environments and features, at odd minutes over five days.
    advised = await createTestTenant(db);
    const models: Array<[string, string]> = [['anthropic', 'claude-opus-4-6'], ['openai', 'gpt-5-nano'], ['anthropic', 'claude-sonnet-4-6']];
    const rows = Array.from({ length: 450 }, (_, i): CallRow => {
      const [provider, model] = models[i % 3]!;
      return {
        ...call(i, new Date(END - ((i * 15.1 * 60_000) % (5 * 86_400_000)) - 1000)),
        projectId: advised.project.id, provider, model, queryType: 'coding', inputTokens: 2000 + i, outputTokens: 400 + (i % 50),
        costUsd: `0.0${(i % 89) + 10}`, environment: i % 2 ? 'prod' : 'staging', feature: i % 4 ? 'review' : null,
      };
    });
    for (let i = 0; i < rows.length; i += 150) await insertCalls(pool, rows.slice(i, i + 150));
  });
  afterAll(() => advised.cleanup());

  it('gives the same findings and what-if as the hourly rows', async () => {
    const hourly = await loadRollupRows(db, advised.project.id, { from, to }, { bucket: 'hour', groupBy: ['provider', 'model', 'queryType', 'feature', 'environment'] });
    const { daysPerBucket, firstBucketStart, count } = periodBuckets(period, 'utc-midnight');
    expect([daysPerBucket, count]).toEqual([1, 4]);
    const origin = new Date(firstBucketStart);
    const summed = await loadRollupRows(db, advised.project.id, { from, to }, { bucket: { everyDays: daysPerBucket, origin }, groupBy: ['provider', 'model', 'queryType', 'feature'] });
    expect(summed.length).toBeLessThan(hourly.length / 4);
    const expected = computeFindings({ rows: hourly, period, options });
    expect(expected.findings.length).toBeGreaterThan(0);
    expect(computeFindings({ rows: summed, period, options })).toEqual(expected);

    const rules = synthesizeRules(expected, { minConfidence: 'low' });
    expect(rules.length).toBeGreaterThan(0);
    const whole = await loadRollupRows(db, advised.project.id, { from, to }, { bucket: 'range', groupBy: ['provider', 'model', 'queryType', 'feature'] });
    expect(whatIf({ rows: whole, rules, period, minObservedCalls: 20 })).toEqual(whatIf({ rows: hourly, rules, period, minObservedCalls: 20 }));
  });

  it('keeps the whole-range row of a range that starts mid-hour', async () => {
    const midHour = { start: new Date(from.getTime() + 30 * 60_000), end: to };
    const whole = await loadRollupRows(db, advised.project.id, { from: midHour.start, to }, { bucket: 'range', groupBy: ['provider', 'model', 'queryType', 'feature'] });
    expect(whole.every((r) => r.hour.getTime() === midHour.start.getTime())).toBe(true);
    const rules = synthesizeRules(computeFindings({ rows: whole, period: midHour, options }), { minConfidence: 'low' });
    const replay = whatIf({ rows: whole, rules, period: midHour, minObservedCalls: 20 });
    expect(replay.calls).toBe(whole.reduce((sum, r) => sum + r.calls, 0));
    expect(replay.calls).toBeGreaterThan(0);
  });
});
