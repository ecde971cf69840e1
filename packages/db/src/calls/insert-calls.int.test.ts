import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDatabaseUrl, testDb } from '../testing/index.ts';
import type { CallRow } from './call-row.ts';
import { insertCalls } from './insert-calls.ts';

// A few real database round trips per test; on two busy cores they can take seconds.
const TIMEOUT = 30_000;

const db = testDb();
let pool: pg.Pool;
let tenant: Awaited<ReturnType<typeof createTestTenant>>;
const logged: string[] = [];
const log = (message: string) => logged.push(message);

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: testDatabaseUrl(), max: 2 });
  tenant = await createTestTenant(db);
});
afterAll(async () => {
  await tenant.cleanup();
  await pool.end();
});

function call(start: Date, over: Partial<CallRow> = {}): CallRow {
  return {
    projectId: tenant.project.id, traceId: randomBytes(16).toString('hex'), spanId: randomBytes(8).toString('hex'), startTime: start,
    parentSpanId: null, durationMs: 120, timeToFirstTokenMs: null, provider: 'openai', requestModel: 'gpt-4o', responseModel: 'gpt-4o',
    model: 'gpt-4o', operation: 'chat', status: 'ok', errorType: null, inputTokens: 100, outputTokens: 10, cacheReadTokens: 0,
    cacheWriteTokens: 0, reasoningTokens: 0, usageSource: 'reported', costUsd: '0.0003500000', reportedCostUsd: null, priceVersion: 'test',
    queryType: 'coding', queryTypeSource: 'hint', queryTypeConfidence: 1, finishReasons: ['stop'], feature: 'search', environment: 'prod',
    endUserId: null, serviceName: null, convention: 'tierlens', attributes: {}, promptContent: null, completionContent: null,
    ...over,
  };
}

async function stored(spanIds: string[]) {
  const { rows } = await pool.query<{ span_id: string; start_time: Date }>(
    'SELECT span_id, start_time FROM llm_calls WHERE project_id = $1 AND span_id = ANY($2) ORDER BY span_id',
    [tenant.project.id, spanIds],
  );
  return rows;
}

async function rollup(model: string) {
  const { rows } = await pool.query<{ hourly_calls: string; hourly_input: string; daily_calls: string; daily_input: string }>(
    `SELECT (SELECT sum(calls) FROM call_rollups_hourly WHERE project_id = $1 AND model = $2)::text AS hourly_calls,
            (SELECT sum(input_tokens) FROM call_rollups_hourly WHERE project_id = $1 AND model = $2)::text AS hourly_input,
            (SELECT sum(calls) FROM call_rollups_daily WHERE project_id = $1 AND model = $2)::text AS daily_calls,
            (SELECT sum(input_tokens) FROM call_rollups_daily WHERE project_id = $1 AND model = $2)::text AS daily_input`,
    [tenant.project.id, model],
  );
  return rows[0]!;
}

describe('insertCalls: idempotency by span identity', () => {
  it('stores a span re-sent with another start time once, and counts it once in the rollups', async () => {
    const model = `idem-${randomBytes(4).toString('hex')}`;
    const first = call(new Date('2026-11-20T10:59:59.999Z'), { model });
    // A hop re-timed it to whole milliseconds, and another sent it an hour and months later.
    const retimed = { ...first, startTime: new Date('2026-11-20T11:00:00.000Z') };
    const later = { ...first, startTime: new Date('2027-02-03T08:00:00.000Z') };
    expect(await insertCalls(pool, [first], { log })).toEqual({ inserted: 1, duplicates: 0, rejected: [] });
    expect(await insertCalls(pool, [retimed], { log })).toEqual({ inserted: 0, duplicates: 1, rejected: [] });
    expect(await insertCalls(pool, [later, call(new Date('2026-11-20T12:00:00Z'), { model })], { log })).toEqual({ inserted: 1, duplicates: 1, rejected: [] });
    expect((await stored([first.spanId])).map((r) => r.start_time.toISOString())).toEqual(['2026-11-20T10:59:59.999Z']);
    expect(await rollup(model)).toEqual({ hourly_calls: '2', hourly_input: '200', daily_calls: '2', daily_input: '200' });
  }, TIMEOUT);

  it('stores the same span twice in one batch once', async () => {
    const model = `twice-${randomBytes(4).toString('hex')}`;
    const a = call(new Date('2026-11-20T10:00:00Z'), { model });
    const b = { ...a, startTime: new Date('2026-11-20T10:00:00.001Z') };
    expect(await insertCalls(pool, [a, b], { log })).toEqual({ inserted: 1, duplicates: 1, rejected: [] });
    expect(await rollup(model)).toMatchObject({ hourly_calls: '1', daily_calls: '1' });
  }, TIMEOUT);

  it('stores a span again after its stored call was deleted', async () => {
    const a = call(new Date('2026-11-20T10:00:00Z'), { model: `del-${randomBytes(4).toString('hex')}` });
    await insertCalls(pool, [a], { log });
    await pool.query('DELETE FROM llm_calls WHERE project_id = $1 AND span_id = $2', [tenant.project.id, a.spanId]);
    expect(await insertCalls(pool, [a], { log })).toEqual({ inserted: 1, duplicates: 0, rejected: [] });
  }, TIMEOUT);
});

describe('insertCalls: a bad call is rejected alone', () => {
  it('stores the good calls of a batch and names each call the database refused, with the reason', async () => {
    const model = `mixed-${randomBytes(4).toString('hex')}`;
    const at = new Date('2026-11-21T09:30:00Z');
    const good = Array.from({ length: 40 }, () => call(at, { model }));
    const bad: Array<[number, CallRow]> = [
      [3, call(at, { model, inputTokens: 2 ** 64 })], // beyond BIGINT
      [11, call(at, { model, feature: 'a\u0000b' })], // NUL in text
      [17, call(at, { model, attributes: { note: 'x\ud800y' } })], // lone surrogate in JSON
      [25, call(at, { model, environment: 'e'.repeat(12_000) + randomBytes(2_000).toString('base64') })], // rollup key row too large for its index
      [31, call(at, { model, costUsd: '1e12' })], // beyond DECIMAL(20,10)
      [38, call(at, { model, inputTokens: -5 })], // check constraint
    ];
    const batch = [...good];
    for (const [index, row] of bad) batch.splice(index, 0, row);
    logged.length = 0;
    const result = await insertCalls(pool, batch, { log });
    expect(result.inserted).toBe(40);
    expect(result.duplicates).toBe(0);
    expect(result.rejected.map((r) => r.index)).toEqual(bad.map(([index]) => index));
    for (const r of result.rejected) expect(r.reason).toMatch(/\(SQLSTATE (22|23|54)[0-9A-Z]{3}\)$/);
    expect(result.rejected[0]!.reason).toMatch(/out of range/);
    expect(logged).toHaveLength(bad.length);
    expect(await stored(good.map((g) => g.spanId))).toHaveLength(40);
    expect(await stored(bad.map(([, row]) => row.spanId))).toHaveLength(0);
    expect(await rollup(model)).toMatchObject({ hourly_calls: '40', hourly_input: '4000', daily_calls: '40' });
    // A rejected span was not claimed: sent again, fixed, it is stored.
    const fixed = { ...bad[0]![1], inputTokens: 1 };
    expect(await insertCalls(pool, [fixed], { log })).toEqual({ inserted: 1, duplicates: 0, rejected: [] });
  }, 60_000); // some forty statements to isolate six bad calls, on two busy cores

  it('a call with the largest token counts does not poison its rollup bucket', async () => {
    const model = `huge-${randomBytes(4).toString('hex')}`;
    const at = new Date('2026-11-21T10:15:00Z');
    const max = 9_223_372_036_854_775_000; // just under 2^63, as a JS number
    expect(await insertCalls(pool, [call(at, { model, inputTokens: max, outputTokens: max })], { log })).toMatchObject({ inserted: 1, rejected: [] });
    // Later calls in the same hour × model × query type × feature × environment still store and count.
    for (let i = 0; i < 3; i++) {
      expect(await insertCalls(pool, [call(at, { model, inputTokens: max }), call(at, { model })], { log })).toMatchObject({ inserted: 2, rejected: [] });
    }
    const r = await rollup(model);
    expect(r.hourly_calls).toBe('7');
    // The number travels as JSON, printed as `String(max)`.
    expect(BigInt(r.hourly_input)).toBe(4n * BigInt(String(max)) + 300n);
    expect(r.daily_input).toBe(r.hourly_input);
  }, TIMEOUT);

  it('throws, and stores nothing, when the database itself fails', async () => {
    const closed = new pg.Pool({ connectionString: testDatabaseUrl().replace(/:(\d+)\//, ':1/'), connectionTimeoutMillis: 2_000 });
    await expect(insertCalls(closed, [call(new Date())], { log })).rejects.toThrow();
    await closed.end();
  }, TIMEOUT);
});
