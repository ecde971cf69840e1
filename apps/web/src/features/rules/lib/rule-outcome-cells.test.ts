import { describe, expect, it } from 'vitest';
import { MIN_CALLS_TO_COMPARE, ruleOutcome } from '@tierlens/analyzer';
import { ruleOutcomeCells } from './rule-outcome-cells';

const g = (calls: number, cost: number, errors: number, ms: number) => ({
  calls, pricedCalls: calls, costUsd: calls * cost, errorCalls: errors, truncatedCalls: 0, durationMsSum: calls * ms, durationMsSquaresSum: calls * ms * ms,
});

describe('ruleOutcomeCells', () => {
  it('writes counts, money, rates with intervals and the verdict', () => {
    const o = ruleOutcome({ sums: { routed: g(40, 0.001, 20, 200), control: g(60, 0.004, 3, 400), shadow: g(0, 0, 0, 0) }, predictedSavingPerCallUsd: 0.002, margin: 0.02 });
    const cells = ruleOutcomeCells(o, MIN_CALLS_TO_COMPARE);
    expect(cells.calls).toBe('100 seen · 40 routed · 60 control');
    expect(cells.realized).toBe('$0.12');
    expect(cells.predicted).toBe('$0.08');
    expect(cells.baseline).toBe('vs control');
    expect(cells.errorRate).toMatch(/^50\.0% \(\d+\.\d%–\d+\.\d%\) vs 5\.0% \(/);
    expect(cells.verdict).toBe('Routed calls do worse: error rate 50.0% routed vs 5.0% control');
    expect(cells.worse.errorRate).toBe(true);
    const empty = ruleOutcomeCells(ruleOutcome({ sums: { routed: g(0, 0, 0, 0), control: g(0, 0, 0, 0), shadow: g(0, 0, 0, 0) }, predictedSavingPerCallUsd: null, margin: 0.02 }), 30);
    expect([empty.realized, empty.predicted, empty.latency]).toEqual(['—', '—', '— vs —']);
    expect(empty.verdict).toBe('Too few calls to compare (30 a side needed)');
  });
});
