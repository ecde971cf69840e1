import { describe, expect, it } from 'vitest';
import type { CallRow } from '@tierlens/db';
import { validateCallRow } from './validate-call-row.ts';

const NOW = Date.parse('2026-12-04T12:00:00Z');
const WINDOW = { now: NOW, maxAgeMs: 30 * 86_400_000 };

function row(patch: Partial<CallRow> = {}): CallRow {
  return {
    projectId: '00000000-0000-0000-0000-000000000001', traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), startTime: new Date(NOW - 60_000),
    parentSpanId: null, durationMs: 800, timeToFirstTokenMs: null, provider: 'openai', requestModel: 'gpt-4o', responseModel: null,
    model: 'gpt-4o', operation: 'chat', status: 'ok', errorType: null, inputTokens: 1000, outputTokens: 100, cacheReadTokens: 0,
    cacheWriteTokens: 0, reasoningTokens: 0, usageSource: 'reported', costUsd: '0.0035', reportedCostUsd: null, priceVersion: 'v1',
    queryType: 'general_chat', queryTypeSource: 'classifier', queryTypeConfidence: 0.8, finishReasons: ['stop'], feature: null,
    environment: null, endUserId: null, serviceName: 'svc', convention: 'otel-genai', attributes: {}, promptContent: null, completionContent: null,
    ...patch,
  };
}

describe('validateCallRow', () => {
  it('passes a normal call unchanged', () => {
    expect(validateCallRow(row(), WINDOW)).toEqual({ ok: true, row: row() });
  });

  it.each([
    [{ inputTokens: 1e12 + 1 }, /input_tokens .* outside 0\.\.10\^12/],
    [{ reasoningTokens: -1 }, /reasoning_tokens -1/],
    [{ outputTokens: 1.5 }, /output_tokens 1\.5/],
    [{ costUsd: '10000000000' }, /cost_usd .* largest storable cost/],
    [{ reportedCostUsd: '-1' }, /reported_cost_usd -1 is not a non-negative decimal/],
    [{ startTime: new Date(Number.NaN) }, /start_time is not a representable time/],
    [{ startTime: new Date(NOW - 31 * 86_400_000) }, /older than the accepted window of 30 days/],
    [{ startTime: new Date(NOW + 25 * 3_600_000) }, /more than a day ahead/],
    [{ durationMs: 1e302 }, /duration_ms 1e\+302/],
    [{ durationMs: Number.NaN }, /duration_ms NaN/],
    [{ timeToFirstTokenMs: -1 }, /time_to_first_token_ms -1/],
  ] as Array<[Partial<CallRow>, RegExp]>)('rejects %o', (patch, reason) => {
    const result = validateCallRow(row(patch), WINDOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
  });

  it('accepts the edges: 10^12 tokens, a cost just under 10^10, a start exactly at the window', () => {
    expect(validateCallRow(row({ inputTokens: 1e12, costUsd: '9999999999.9999999999', startTime: new Date(NOW - 30 * 86_400_000) }), WINDOW).ok).toBe(true);
  });

  it('cleans and cuts strings: names to 256 bytes, ids to 128, finish reasons to 16 of 64 bytes', () => {
    const result = validateCallRow(
      row({ model: 'x\u0000'.repeat(300), endUserId: 'u'.repeat(500), finishReasons: Array.from({ length: 20 }, () => 'r'.repeat(100)), promptContent: 'hi\ud800' }),
      WINDOW,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.row.model).toBe('x\uFFFD'.repeat(64)); // 1 + 3 bytes each
    expect(result.row.endUserId).toBe('u'.repeat(128));
    expect(result.row.finishReasons).toEqual(Array.from({ length: 16 }, () => 'r'.repeat(64)));
    expect(result.row.promptContent).toBe('hi\uFFFD');
  });
});
