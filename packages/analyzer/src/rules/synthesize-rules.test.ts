import { describe, expect, it } from 'vitest';
import { computeFindings } from '../findings/compute-findings.ts';
import { rollupSeries, type SeriesSpec } from '../findings/testing/rollup-series.ts';
import { ZRoutingRule } from './routing-rule.ts';
import { synthesizeRules } from './synthesize-rules.ts';

const start = new Date('2026-10-01T00:00:00Z');
const period = { start, end: new Date('2026-10-29T00:00:00Z') };
const series = (spec: Omit<SeriesSpec, 'start' | 'days'>) => rollupSeries({ start, days: 28, ...spec });

const rows = [
  ...series({ provider: 'anthropic', model: 'claude-opus-4-6-20260205', queryType: 'coding', callsPerDay: 500, inputPerCall: 3000, outputPerCall: 800 }),
  ...series({ provider: 'anthropic', model: 'claude-opus-4-6', queryType: 'coding', callsPerDay: 100, inputPerCall: 3000, outputPerCall: 800 }),
  ...series({ provider: 'anthropic', model: 'claude-sonnet-4-6', queryType: 'coding', callsPerDay: 100, inputPerCall: 3000, outputPerCall: 1000 }),
  ...series({ provider: 'openai', model: 'gpt-5-nano', queryType: 'coding', callsPerDay: 300, inputPerCall: 2000, outputPerCall: 600 }),
];

describe('synthesizeRules', () => {
  const result = computeFindings({ rows, period });

  it('makes one rule per confident finding, with its evidence, valid against ZRoutingRule', () => {
    const rules = synthesizeRules(result, { minConfidence: 'low' });
    expect(rules.map((r) => `${r.queryType} ${r.fromModel} → ${r.toModel}`)).toEqual([
      'coding claude-opus-4-6 → claude-sonnet-4-6',
      'coding gpt-5-nano → gpt-5-mini',
    ]);
    const opus = rules[0]!;
    expect(opus).toMatchObject({
      feature: null,
      fromProvider: 'anthropic',
      toProvider: 'anthropic',
      fromModelAliases: ['claude-opus-4-6-20260205'],
      evidence: { kind: 'overpaying', costMethod: 'observed_tokens', calls: 16_800 },
    });
    expect(opus.evidence?.quality.deltaPoints.point).toBe(-1.2);
    for (const rule of rules) expect(ZRoutingRule.parse(rule)).toEqual(rule);
  });

  it('leaves out findings below the minimum confidence and kinds not asked for', () => {
    const confidences = new Map(result.findings.map((f) => [f.recommended.model, f.confidence]));
    const high = synthesizeRules(result, { minConfidence: 'high' });
    expect(high.every((rule) => confidences.get(rule.toModel) === 'high')).toBe(true);
    expect(synthesizeRules(result, { minConfidence: 'low', kinds: ['underbidding'] }).map((r) => r.fromModel)).toEqual(['gpt-5-nano']);
  });

  it('keeps overpaying rules within a quality budget, best saving per point first', () => {
    // Opus → Sonnet gives up 1.2 points on 16,800 of 25,200 calls: 0.8 points on average.
    expect(synthesizeRules(result, { minConfidence: 'low', qualityBudget: { maxLossPoints: 0.5 } }).map((r) => r.fromModel)).toEqual(['gpt-5-nano']);
    expect(synthesizeRules(result, { minConfidence: 'low', qualityBudget: { maxLossPoints: 1 } })).toHaveLength(2);
  });

  it('is deterministic', () => {
    expect(synthesizeRules(computeFindings({ rows: [...rows].reverse(), period }), { minConfidence: 'low' })).toEqual(
      synthesizeRules(result, { minConfidence: 'low' }),
    );
  });
});
