import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTenant, testDb } from '@tierlens/db/testing';
import { callerFor } from '@/test-support/caller-for';

const db = testDb();
let a: Awaited<ReturnType<typeof createTestTenant>>;
let b: Awaited<ReturnType<typeof createTestTenant>>;
const TRACE = 'c'.repeat(32);
const t0 = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000 - 3_600_000);

beforeAll(async () => {
  [a, b] = await Promise.all([createTestTenant(db), createTestTenant(db)]);
  // An agent run: a planning call, two tool-step calls under it (one unpriced), and one more call of another trace.
  const call = (spanId: string, parent: string | null, offsetMs: number, model: string, cost: string | null, trace = TRACE) => ({
    projectId: a.project.id, traceId: trace, spanId, parentSpanId: parent, startTime: new Date(t0.getTime() + offsetMs), durationMs: 1000,
    model, operation: 'chat', status: 'ok', inputTokens: 100n, outputTokens: 10n, costUsd: cost, queryType: 'agentic', convention: 'tierlens', endUserId: 'u-42',
  });
  await db.llmCall.createMany({ data: [
    call('0000000000000001', null, 0, 'gpt-5', '0.0100000000'),
    call('0000000000000002', '0000000000000001', 1500, 'gpt-5-mini', '0.0020000000'),
    call('0000000000000003', '0000000000000002', 3000, 'local-llama', null),
    call('0000000000000009', null, 0, 'gpt-5', '5.0000000000', 'd'.repeat(32)),
  ] });
});
afterAll(async () => {
  await Promise.all([a.cleanup(), b.cleanup()]);
});

describe('calls.trace', () => {
  it('lists a trace’s calls under one another and sums the trace once', async () => {
    const trace = await callerFor(db, { ...a.user, name: 'o' }).calls.trace({ projectId: a.project.id, traceId: TRACE });
    expect(trace.calls.map((c) => [c.spanId.slice(-1), c.depth])).toEqual([['1', 0], ['2', 1], ['3', 2]]);
    expect(trace.totals).toMatchObject({ calls: 3, unpricedCalls: 1, costUsd: '0.012', inputTokens: 300, outputTokens: 30, wallMs: 4000, endUsers: ['u-42'] });
  });

  it('is not found from another organization', async () => {
    await expect(callerFor(db, { ...b.user, name: 'o' }).calls.trace({ projectId: b.project.id, traceId: TRACE })).rejects.toThrow(/No calls in this trace/);
  });
});
