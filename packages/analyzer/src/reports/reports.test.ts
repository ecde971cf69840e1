import { describe, expect, it } from 'vitest';
import { buildModelStats } from './build-model-stats.ts';
import { buildQueryTypeMatrix } from './build-query-type-matrix.ts';
import { buildSpendSeries } from './build-spend-series.ts';
import type { RollupRow } from '../findings/rollup-row.ts';
import { summarizeSpend, totalsOf } from './summarize-spend.ts';
import { topFeatures } from './top-features.ts';

function row(p: Partial<RollupRow>): RollupRow {
  return {
    hour: new Date('2026-11-20T10:00:00Z'), provider: 'openai', model: 'gpt-4o', queryType: 'coding', feature: '', environment: '',
    calls: 1, errorCalls: 0, truncatedCalls: 0, unpricedCalls: 0, inputTokens: 100, outputTokens: 10, cacheReadTokens: 0,
    cacheWriteTokens: 0, reasoningTokens: 0, costUsd: '0.1', durationMsSum: 1000, ttftMsSum: 0, ttftCalls: 0, ...p,
  };
}

describe('reports', () => {
  it('sums money exactly (0.1 + 0.2 is 0.3, not 0.30000000000000004)', () => {
    expect(totalsOf([row({ costUsd: '0.1' }), row({ costUsd: '0.2' })]).costUsd).toBe('0.3');
  });

  it('compares a period with the one before', () => {
    const s = summarizeSpend([row({ costUsd: '3', calls: 30 })], [row({ costUsd: '2', calls: 40 })]);
    expect(s.costChange).toBeCloseTo(0.5);
    expect(s.callsChange).toBeCloseTo(-0.25);
    expect(summarizeSpend([row({})], []).costChange).toBeNull();
  });

  it('fills a daily series with zeros and folds small keys into "other"', () => {
    const rows = [
      row({ model: 'a', costUsd: '5', hour: new Date('2026-11-01T03:00:00Z') }),
      row({ model: 'b', costUsd: '3', hour: new Date('2026-11-03T05:00:00Z') }),
      row({ model: 'c', costUsd: '1', hour: new Date('2026-11-03T06:00:00Z') }),
    ];
    const s = buildSpendSeries(rows, { by: 'model', from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-04T00:00:00Z'), top: 2 });
    expect(s.keys).toEqual(['a', 'b', 'other']);
    expect(s.points).toHaveLength(3);
    expect(s.points[1]).toEqual({ t: Date.parse('2026-11-02T00:00:00Z'), a: 0, b: 0, other: 0 });
    expect(s.points[2]).toMatchObject({ b: 3, other: 1 });
  });

  it('computes per-model rates and tiers', () => {
    const [m] = buildModelStats([
      row({ model: 'claude-opus-4-6', provider: 'anthropic', calls: 10, errorCalls: 1, truncatedCalls: 2, costUsd: '1', durationMsSum: 20_000, ttftMsSum: 900, ttftCalls: 3 }),
    ]);
    expect(m).toMatchObject({ model: 'claude-opus-4-6', tier: 'frontier', errorRate: 0.1, truncationRate: 0.2, meanLatencyMs: 2000, meanTtftMs: 300, costPerCallUsd: '0.1' });
  });

  it('builds the query type × model matrix ordered by spend', () => {
    const m = buildQueryTypeMatrix([
      row({ queryType: 'coding', model: 'gpt-4o', costUsd: '1' }),
      row({ queryType: 'coding', model: 'gpt-4o-mini', costUsd: '0.5' }),
      row({ queryType: 'math', model: 'gpt-4o', costUsd: '3' }),
    ]);
    expect(m.queryTypes.map((q) => [q.queryType, q.costUsd])).toEqual([['math', '3'], ['coding', '1.5']]);
    expect(m.queryTypes[1]!.models.map((x) => x.model)).toEqual(['gpt-4o', 'gpt-4o-mini']);
    expect(m.queryTypes[0]!.share).toBeCloseTo(3 / 4.5, 5);
    expect(m.models.map((x) => x.model)).toEqual(['gpt-4o', 'gpt-4o-mini']);
  });

  it('ranks features by spend', () => {
    expect(topFeatures([row({ feature: 'search', costUsd: '2' }), row({ feature: '', costUsd: '5' })])).toEqual([
      { feature: '(none)', costUsd: '5', calls: 1 },
      { feature: 'search', costUsd: '2', calls: 1 },
    ]);
  });
});
