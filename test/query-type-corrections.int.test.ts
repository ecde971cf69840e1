import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertCalls, ROLLUP_MEASURES, type CallRow } from '@tierlens/db';
import { createTestTenant, testDatabaseUrl, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

// A person's correction re-types the stored calls it names and moves their hourly and daily
// rollups between query-type buckets exactly; undoing it re-types them back to their automatic
// type; another organization's calls and rollups are untouched.

const db = testDb();
let pool: pg.Pool;
let a: Awaited<ReturnType<typeof createTestTenant>>;
let b: Awaited<ReturnType<typeof createTestTenant>>;
const END = Date.parse('2026-11-20T15:00:00Z');
const as = (t: typeof a) => callerFor(db, { ...t.user, name: 'owner' });

function call(projectId: string, i: number): CallRow {
  const start = new Date(END - ((i * 23.7 * 60_000) % (3 * 86_400_000)) - 1000);
  const queryType = ['coding', 'summarization', 'unknown'][i % 3]!;
  return {
    projectId, traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), startTime: start, parentSpanId: null,
    // Whole milliseconds: float sums of integers are exact, so the duration measures compare exactly too.
    durationMs: 300 + (i % 7) * 100, timeToFirstTokenMs: i % 2 ? 120 : null, provider: 'openai', requestModel: 'gpt-4o', responseModel: 'gpt-4o',
    model: 'gpt-4o', operation: 'chat', status: i % 11 ? 'ok' : 'error', errorType: i % 11 ? null : 'timeout',
    inputTokens: 1000 + i * 7, outputTokens: 200 + (i % 13) * 11, cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0,
    usageSource: 'reported', costUsd: i % 9 ? `0.00${1000 + i}` : null, reportedCostUsd: null, priceVersion: null,
    queryType, queryTypeSource: queryType === 'unknown' ? 'classifier' : 'classifier', queryTypeConfidence: queryType === 'unknown' ? 0.3 : 0.8,
    finishReasons: i % 6 ? ['stop'] : ['length'], feature: ['search', 'support', null][i % 4 === 3 ? 2 : i % 2]!, environment: i % 5 ? 'prod' : null,
    endUserId: null, serviceName: null, convention: 'tierlens', attributes: {}, promptContent: `prompt ${i}`, completionContent: null,
  };
}

/** Rows where the rollups and the sums over the calls disagree, on every measure, hour by hour and day by day. */
async function rollupMismatches(projectId: string): Promise<unknown[]> {
  const measures = ROLLUP_MEASURES.map((m) => `${m.fromCalls}::numeric AS ${m.column}`).join(', ');
  const stored = ROLLUP_MEASURES.map((m) => `${m.column}::numeric AS ${m.column}`).join(', ');
  const raw = (bucket: string) => `SELECT ${bucket} AS t, coalesce(provider, '') AS provider, model, query_type, coalesce(feature, '') AS feature,
      coalesce(environment, '') AS environment, ${measures} FROM llm_calls WHERE project_id = $1 GROUP BY 1, 2, 3, 4, 5, 6`;
  const rollup = (table: string, col: string) => `SELECT ${col} AS t, provider, model, query_type, feature, environment, ${stored} FROM ${table} WHERE project_id = $1`;
  const out: unknown[] = [];
  for (const [bucket, table, col] of [["date_trunc('hour', start_time, 'UTC')", 'call_rollups_hourly', 'hour'], ["date_trunc('day', start_time, 'UTC')", 'call_rollups_daily', 'day']] as const) {
    const { rows } = await pool.query(`(${raw(bucket)} EXCEPT ${rollup(table, col)}) UNION ALL (${rollup(table, col)} EXCEPT ${raw(bucket)})`, [projectId]);
    out.push(...rows.map((r) => ({ table, ...r })));
  }
  return out;
}

async function typesBySpan(projectId: string): Promise<Map<string, string>> {
  const { rows } = await pool.query<{ span_id: string; t: string }>(
    `SELECT span_id, query_type || '/' || query_type_source || '/' || query_type_confidence AS t FROM llm_calls WHERE project_id = $1`, [projectId]);
  return new Map(rows.map((r) => [r.span_id, r.t]));
}

async function rollupSnapshot(projectId: string): Promise<unknown[]> {
  const { rows } = await pool.query(`SELECT * FROM call_rollups_hourly WHERE project_id = $1 ORDER BY hour, provider, model, query_type, feature, environment`, [projectId]);
  const { rows: daily } = await pool.query(`SELECT * FROM call_rollups_daily WHERE project_id = $1 ORDER BY day, provider, model, query_type, feature, environment`, [projectId]);
  return [...rows, ...daily];
}

async function typeCounts(projectId: string, feature: string): Promise<Record<string, number>> {
  const { rows } = await pool.query<{ query_type: string; n: string }>(
    `SELECT query_type, sum(calls)::text AS n FROM call_rollups_hourly WHERE project_id = $1 AND feature = $2 GROUP BY 1`, [projectId, feature]);
  return Object.fromEntries(rows.map((r) => [r.query_type, Number(r.n)]));
}

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
  const rows = [...Array.from({ length: 300 }, (_, i) => call(a.project.id, i)), ...Array.from({ length: 120 }, (_, i) => call(b.project.id, 5000 + i))];
  for (let i = 0; i < rows.length; i += 100) await insertCalls(pool, rows.slice(i, i + 100));
});
afterAll(async () => {
  await Promise.all([a.cleanup(), b.cleanup()]);
  await pool.end();
});

describe('query-type corrections', () => {
  it('re-type the stored calls of a feature, move their rollups exactly, and undo back to the automatic types', async () => {
    expect(await rollupMismatches(a.project.id)).toEqual([]);
    const before = await typesBySpan(a.project.id);
    const searchBefore = await typeCounts(a.project.id, 'search');
    const searchCalls = Object.values(searchBefore).reduce((x, y) => x + y, 0);
    const otherBefore = await typeCounts(a.project.id, 'support');
    const bTypes = await typesBySpan(b.project.id);
    const bRollups = await rollupSnapshot(b.project.id);

    // B has a "search" feature too: a correction in A must not reach it.
    const made = await as(a).queryTypes.correct({ projectId: a.project.id, target: { scope: 'feature', feature: 'search' }, queryType: 'extraction' });
    expect(made.callsRetyped).toBe(searchCalls);
    expect(await typeCounts(a.project.id, 'search')).toEqual({ extraction: searchCalls });
    expect(await typeCounts(a.project.id, 'support')).toEqual(otherBefore);
    expect(await rollupMismatches(a.project.id)).toEqual([]);
    const after = await typesBySpan(a.project.id);
    const { rows: search } = await pool.query<{ span_id: string }>(`SELECT span_id FROM llm_calls WHERE project_id = $1 AND feature = 'search'`, [a.project.id]);
    for (const { span_id } of search) expect(after.get(span_id)).toBe('extraction/manual/1');
    for (const [span, t] of before) if (!search.some((s) => s.span_id === span)) expect(after.get(span)).toBe(t);

    // A more specific correction (one call) beats the feature's; undoing the feature's keeps it.
    const one = search[0]!.span_id;
    const { rows: oneRow } = await pool.query<{ trace_id: string }>(`SELECT trace_id FROM llm_calls WHERE project_id = $1 AND span_id = $2`, [a.project.id, one]);
    await as(a).queryTypes.correct({ projectId: a.project.id, target: { scope: 'call', traceId: oneRow[0]!.trace_id, spanId: one }, queryType: 'translation' });
    expect((await typesBySpan(a.project.id)).get(one)).toBe('translation/manual/1');
    expect(await rollupMismatches(a.project.id)).toEqual([]);

    const listed = await as(a).queryTypes.corrections({ projectId: a.project.id });
    expect(listed.map((c) => c.target.scope)).toEqual(['call', 'feature']);
    const undone = await as(a).queryTypes.undoCorrection({ projectId: a.project.id, correctionId: made.id });
    expect(undone.callsRetyped).toBe(searchCalls - 1);
    const back = await typesBySpan(a.project.id);
    for (const [span, t] of before) expect(back.get(span)).toBe(span === one ? 'translation/manual/1' : t);
    expect(await rollupMismatches(a.project.id)).toEqual([]);
    await expect(as(a).queryTypes.undoCorrection({ projectId: a.project.id, correctionId: made.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // The labelled export holds the people-typed call with its prompt.
    const { jsonl } = await as(a).queryTypes.exportLabelled({ projectId: a.project.id });
    const lines = jsonl.trim().split('\n').map((l) => JSON.parse(l) as { id: string; prompt: string; queryType: string });
    expect(lines).toEqual([{ id: `${oneRow[0]!.trace_id}:${one}`, prompt: expect.stringMatching(/^prompt \d+$/), queryType: 'translation' }]);

    // The other organization: not a call, not a rollup row changed.
    expect(await typesBySpan(b.project.id)).toEqual(bTypes);
    expect(await rollupSnapshot(b.project.id)).toEqual(bRollups);
    expect(await rollupMismatches(b.project.id)).toEqual([]);
  });

  it('a member of another organization cannot correct or undo in this project', async () => {
    await expect(as(b).queryTypes.correct({ projectId: a.project.id, target: { scope: 'feature', feature: 'support' }, queryType: 'coding' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const [own] = await as(a).queryTypes.corrections({ projectId: a.project.id });
    await expect(as(b).queryTypes.undoCorrection({ projectId: b.project.id, correctionId: own!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await as(a).queryTypes.corrections({ projectId: a.project.id }))[0]!.undoneAt).toBeNull();
  });
});
