import { describe, expect, it } from 'vitest';
import { parseRollupRows, type RollupRow } from './rollup-row.ts';

const row = {
  hour: new Date('2026-10-01T10:00:00Z'),
  provider: 'anthropic',
  model: 'claude-opus-4-6',
  queryType: 'coding',
  feature: '',
  environment: 'production',
  calls: 10,
  errorCalls: 1,
  truncatedCalls: 0,
  unpricedCalls: 0,
  inputTokens: 30_000,
  outputTokens: 8_000,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  costUsd: '0.35',
  durationMsSum: 12_000,
  ttftMsSum: 0,
  ttftCalls: 0,
};

describe('parseRollupRows', () => {
  it('accepts rows as the app loads them (numbers, or bigints from BIGINT columns; ISO hours)', () => {
    expect(parseRollupRows([row])).toEqual([row]);
    const fromDb = { ...row, calls: 10n, inputTokens: 30_000n, hour: '2026-10-01T10:00:00.000Z' };
    expect(parseRollupRows([fromDb])).toEqual([row]);
    const report: RollupRow = row;
    const typed: RollupRow = report;
    expect(typed).toBe(row);
  });

  it('rejects negative or fractional counts and costs that would round', () => {
    for (const bad of [{ calls: -1 }, { inputTokens: 1.5 }, { costUsd: '0.12345678901' }, { costUsd: '-1' }, { costUsd: 'abc' }, { model: '' }]) {
      expect(() => parseRollupRows([{ ...row, ...bad }])).toThrow();
    }
  });
});

describe('parseRollupRows errors', () => {
  it('names the row and field at fault', () => {
    try {
      parseRollupRows([row, { ...row, errorCalls: -2 }]);
      expect.unreachable();
    } catch (error) {
      expect((error as { issues: { path: unknown[] }[] }).issues[0]?.path).toEqual([1, 'errorCalls']);
    }
  });
});
