import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import type { CallRow } from '../apps/ingest/src/storage/call-row.ts';
import { insertCalls } from '../apps/ingest/src/storage/insert-calls.ts';
import { loadReportRows } from '@tierlens/reports/load-report-rows';

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

describe('loadReportRows', () => {
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
      for (const bucket of ['range', 'day', 'hour'] as const) {
        const rows = await loadReportRows(db, tenant.project.id, { from, to }, { bucket, groupBy: ['model', 'queryType'] });
        const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((a, r) => a + f(r), 0);
        expect(sum((r) => r.calls), `${bucket} calls`).toBe(raw.calls);
        expect(sum((r) => r.inputTokens), `${bucket} input tokens`).toBe(raw.input);
        expect(sum((r) => r.errorCalls), `${bucket} errors`).toBe(raw.errors);
        expect(sum((r) => r.truncatedCalls), `${bucket} truncated`).toBe(raw.truncated);
        const cost = rows.reduce((a, r) => a + BigInt(Math.round(Number(r.costUsd) * 1e10)), 0n);
        expect(cost, `${bucket} cost`).toBe(BigInt(Math.round(Number(raw.cost) * 1e10)));
      }
    });
  }
});
