import { describe, expect, it } from 'vitest';
import type { PriceOverride } from './price-types.ts';
import { repriceCalls, type RepriceCallInput } from './reprice-calls.ts';

const call = (key: string, partial: Partial<RepriceCallInput> = {}): RepriceCallInput => ({
  key,
  projectId: 'p1',
  provider: 'openai',
  model: 'gpt-4o',
  inputTokens: 1000,
  outputTokens: 100,
  cacheReadTokens: 0,
  cacheWriteTokens: 0,
  reasoningTokens: 0,
  at: new Date('2026-06-01T10:15:00Z'),
  previousCostUsd: '0.0035',
  queryType: 'coding',
  ...partial,
});

const discount: PriceOverride = {
  id: 'discount',
  provider: null,
  model: 'gpt-4o',
  inputPerMTok: '1.25',
  outputPerMTok: '5',
  effectiveFrom: new Date('2026-01-01T00:00:00Z'),
  projectId: null,
};

describe('repriceCalls', () => {
  it('returns new costs and versions, and the rollup deltas they imply', () => {
    const result = repriceCalls(
      [
        call('a'),
        call('b', { at: new Date('2026-06-01T10:59:59Z') }),
        call('c', { at: new Date('2026-06-01T11:00:00Z'), feature: 'search' }),
        call('d', { model: 'my-deployment', provider: 'Azure', previousCostUsd: null }),
      ],
      { overrides: [discount] },
    );
    expect(result.calls.map((c) => [c.key, c.costUsd, c.priceVersion, c.changed])).toEqual([
      ['a', '0.00175', 'override:discount', true],
      ['b', '0.00175', 'override:discount', true],
      ['c', '0.00175', 'override:discount', true],
      ['d', null, null, false],
    ]);
    expect(result.rollupDeltas).toEqual([
      expect.objectContaining({
        projectId: 'p1',
        hour: new Date('2026-06-01T10:00:00Z'),
        provider: 'openai',
        model: 'gpt-4o',
        queryType: 'coding',
        feature: '',
        environment: '',
        costUsdE10Delta: -35_000_000n,
        costUsdDelta: '-0.0035',
        unpricedCallsDelta: 0,
      }),
      expect.objectContaining({ hour: new Date('2026-06-01T11:00:00Z'), feature: 'search', costUsdDelta: '-0.00175' }),
    ]);
    expect(result.totals).toEqual({ previousUsd: '0.0105', newUsd: '0.00525', deltaUsd: '-0.00525' });
  });

  it('counts calls that become priced or unpriced', () => {
    const priced = repriceCalls([call('x', { model: 'my-deployment', provider: 'Azure', previousCostUsd: null })], {
      overrides: [{ ...discount, model: 'my-deployment' }],
    });
    expect(priced.rollupDeltas).toEqual([
      expect.objectContaining({ provider: 'Azure', costUsdDelta: '0.00175', unpricedCallsDelta: -1 }),
    ]);
    const unpriced = repriceCalls([call('y', { model: 'gone-model', previousCostUsd: '0.5' })]);
    expect(unpriced.rollupDeltas).toEqual([expect.objectContaining({ costUsdDelta: '-0.5', unpricedCallsDelta: 1 })]);
  });

  it('leaves unchanged calls out of the deltas', () => {
    expect(repriceCalls([call('a')]).rollupDeltas).toEqual([]);
  });
});
