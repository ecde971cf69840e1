import { describe, expect, it } from 'vitest';
import { computeCost } from './compute-cost.ts';
import { parseDecimal } from './decimal.ts';
import type { PriceSheet } from './price-sheet.ts';

const sheet = (partial: Partial<PriceSheet>): PriceSheet => ({
  input: null,
  output: null,
  cacheRead: null,
  cacheWrite: null,
  reasoning: null,
  perThousandRequests: null,
  tierAboveInputTokens: null,
  ...partial,
});
const usage = { input: 0n, output: 0n, cacheRead: 0n, cacheWrite: 0n, reasoning: 0n };

describe('computeCost', () => {
  it('rounds each part half to even to 10^-10 USD', () => {
    // $0.00005/M × 1 token = 5e-11 USD → 0 (even); × 3 tokens = 1.5e-10 → 2.
    const rates = sheet({ input: parseDecimal('0.00005'), output: parseDecimal('0') });
    expect(computeCost(rates, { ...usage, input: 1n })).toMatchObject({ ok: true, total: 0n });
    expect(computeCost(rates, { ...usage, input: 3n })).toMatchObject({ ok: true, total: 2n });
  });

  it('fails instead of charging $0 for tokens without a rate', () => {
    expect(computeCost(sheet({ input: parseDecimal('1') }), { ...usage, input: 10n, output: 5n })).toEqual({
      ok: false,
      detail: 'the price has no output rate',
    });
    expect(computeCost(sheet({ output: parseDecimal('1') }), { ...usage, input: 10n, cacheRead: 10n })).toMatchObject({
      ok: false,
    });
  });

  it('does not need rates for token kinds the call did not use', () => {
    expect(computeCost(sheet({ output: parseDecimal('2') }), { ...usage, output: 1_000_000n })).toMatchObject({
      ok: true,
      total: 20_000_000_000n,
    });
  });
});
