import { describe, expect, it } from 'vitest';
import { marginFromQualityDelta, MIN_MARGIN, ruleOutcome, wilson, type RuleGroupSums } from './rule-outcome.ts';

/** Sums of `calls` calls each costing `cost` USD, `errors` of them failed, each taking `ms`. */
function group(calls: number, cost: number, errors = 0, ms = 100, truncated = 0): RuleGroupSums {
  return { calls, pricedCalls: calls, costUsd: calls * cost, errorCalls: errors, truncatedCalls: truncated, durationMsSum: calls * ms, durationMsSquaresSum: calls * ms * ms };
}
const none = group(0, 0);

describe('ruleOutcome', () => {
  it('realizes routed calls × the difference of observed cost per call against the control group', () => {
    const o = ruleOutcome({ sums: { routed: group(40, 0.001), control: group(160, 0.004), shadow: group(10, 0.5) }, predictedSavingPerCallUsd: 0.0025, margin: 0.02 });
    expect(o.baseline).toBe('control');
    expect(o.calls).toEqual({ seen: 210, routed: 40, control: 160, shadow: 10 });
    expect(o.realizedSavingUsd).toBeCloseTo(40 * 0.003, 12);
    expect(o.predictedSavingUsd).toBeCloseTo(40 * 0.0025, 12);
    expect(o.verdict).toBe('ok');
  });

  it('uses unpriced-free cost per call, and the shadowed calls when there is no control group (enforce)', () => {
    const routed = { ...group(50, 0.002), pricedCalls: 40, costUsd: 40 * 0.002 };
    const o = ruleOutcome({ sums: { routed, control: none, shadow: group(50, 0.01) }, predictedSavingPerCallUsd: null, margin: 0.02 });
    expect(o.baseline).toBe('shadow');
    expect(o.costPerCallUsd.routed).toBeCloseTo(0.002, 12);
    expect(o.realizedSavingUsd).toBeCloseTo(50 * 0.008, 12);
    expect(o.predictedSavingUsd).toBeNull();
    expect(ruleOutcome({ sums: { routed, control: none, shadow: none }, predictedSavingPerCallUsd: 1, margin: 0.02 }).realizedSavingUsd).toBeNull();
  });

  it('calls the routed side clearly worse only beyond the margin and with enough calls', () => {
    const worse = ruleOutcome({ sums: { routed: group(60, 0.001, 24), control: group(60, 0.004, 3), shadow: none }, predictedSavingPerCallUsd: null, margin: 0.02 });
    expect(worse.verdict).toBe('worse');
    expect(worse.quality.errorRate.clearlyWorse).toBe(true);
    expect(worse.reasons).toEqual(['error rate 40.0% routed vs 5.0% control']);
    // The same rates over too few calls are not judged.
    const few = ruleOutcome({ sums: { routed: group(10, 0.001, 4), control: group(10, 0.004, 0), shadow: none }, predictedSavingPerCallUsd: null, margin: 0.02 });
    expect(few.verdict).toBe('insufficient');
    expect(few.quality.errorRate.clearlyWorse).toBe(false);
    // A small difference is within the noise; a wide margin (the finding expected a big drop) tolerates more.
    expect(ruleOutcome({ sums: { routed: group(200, 0.001, 14), control: group(200, 0.004, 10), shadow: none }, predictedSavingPerCallUsd: null, margin: 0.02 }).verdict).toBe('ok');
    expect(ruleOutcome({ sums: { routed: group(60, 0.001, 24), control: group(60, 0.004, 3), shadow: none }, predictedSavingPerCallUsd: null, margin: 0.3 }).verdict).toBe('ok');
  });

  it('compares truncation and latency too', () => {
    const o = ruleOutcome({ sums: { routed: group(100, 0.001, 0, 900, 30), control: group(100, 0.004, 0, 300, 2), shadow: none }, predictedSavingPerCallUsd: null, margin: 0.02 });
    expect(o.quality.truncationRate.clearlyWorse).toBe(true);
    expect(o.quality.latency.clearlyWorse).toBe(true);
    expect(o.reasons).toHaveLength(2);
  });
});

describe('wilson and margins', () => {
  it('matches the textbook interval and derives the margin from the finding', () => {
    const w = wilson(5, 50);
    expect(w.low).toBeCloseTo(0.0435, 3);
    expect(w.high).toBeCloseTo(0.2136, 3);
    expect(wilson(0, 0)).toEqual({ low: 0, high: 1 });
    expect(marginFromQualityDelta({ low: -6 })).toBeCloseTo(0.06, 12);
    expect(marginFromQualityDelta({ low: 1 })).toBe(MIN_MARGIN);
    expect(marginFromQualityDelta(null)).toBe(MIN_MARGIN);
  });
});
