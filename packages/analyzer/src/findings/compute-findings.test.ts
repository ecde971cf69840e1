import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../catalog/build-catalog.ts';
import { getCapability } from '../catalog/get-capability.ts';
import { lookupModel } from '../catalog/lookup-model.ts';
import { formatUsd, parseUsd } from '../prices/money.ts';
import { computeFindings } from './compute-findings.ts';
import { DAYS_PER_MONTH } from './estimate-move.ts';
import type { Finding } from './findings-types.ts';
import { rollupSeries, type SeriesSpec } from './testing/rollup-series.ts';

const start = new Date('2026-10-01T00:00:00Z');
const period = { start, end: new Date('2026-10-29T00:00:00Z') }; // four weeks
const series = (spec: Omit<SeriesSpec, 'start' | 'days'>) => rollupSeries({ start, days: 28, ...spec });
const opusCoding = series({ provider: 'anthropic', model: 'claude-opus-4-6', queryType: 'coding', callsPerDay: 500, inputPerCall: 3000, outputPerCall: 800 });
const spendOf = (rows: { costUsd: string }[]) => rows.reduce((sum, row) => sum + parseUsd(row.costUsd), 0n);

function only(findings: readonly Finding[], kind: Finding['kind']): Finding {
  const matching = findings.filter((f) => f.kind === kind);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

describe('computeFindings: overpaying', () => {
  it('finds coding on Opus 4.6 overpaying next to Sonnet 4.6 (within 2 points), with a saving range', () => {
    const result = computeFindings({ rows: opusCoding, period });
    const finding = only(result.findings, 'overpaying');
    expect(finding).toMatchObject({
      reason: 'within_tolerance',
      queryType: 'coding',
      feature: null,
      current: { provider: 'anthropic', model: 'claude-opus-4-6', tier: 'frontier' },
      recommended: { provider: 'anthropic', model: 'claude-sonnet-4-6', tier: 'production' },
      affected: { calls: 14_000, unpricedCalls: 0, spendUsd: formatUsd(spendOf(opusCoding)) },
      cost: { method: 'price_ratio', tokenRatio: null },
    });
    expect(finding.quality).toMatchObject({ source: 'benchmark', benchmark: 'SWE-bench Verified (maker’s own harness)' });
    expect(finding.quality.deltaPoints.point).toBe(-1.2);
    expect(finding.quality.current.point).toBe(80.8);
    expect(finding.quality.recommended.sources[0]?.date).toBe('2026-02');
    // Same tokens, Sonnet at 3/5 of Opus' prices: 40% of the spend saved, per month.
    const expected = (Number(spendOf(opusCoding)) / 1e10) * 0.4 * (DAYS_PER_MONTH / 28);
    const saving = finding.monthlySavingUsd;
    expect(Number(saving.point)).toBeCloseTo(expected, 4);
    expect(Number(saving.low)).toBeLessThanOrEqual(Number(saving.point));
    expect(Number(saving.high)).toBeGreaterThan(Number(saving.point));
    expect(finding.confidence).toBe('medium');
    expect(finding.confidenceReasons.join(' ')).toMatch(/price ratios/);
    expect(finding.method).toMatch(/tolerance/);
  });

  it('makes no overpaying finding when the tolerance excludes the cheaper model', () => {
    const result = computeFindings({ rows: opusCoding, period, options: { tolerancePoints: 1 } });
    expect(result.findings).toEqual([]);
    expect(result.skipped[0]).toMatchObject({ reason: 'no_better_option', model: 'claude-opus-4-6' });
  });
});

describe('computeFindings: cost methods', () => {
  it('uses the tokens each model used on the query type when both were seen', () => {
    // Sonnet, seen on coding, writes 1.5× the output tokens per call of Opus.
    const sonnet = series({ provider: 'anthropic', model: 'claude-sonnet-4-6', queryType: 'coding', callsPerDay: 100, inputPerCall: 3000, outputPerCall: 1200 });
    const result = computeFindings({ rows: [...opusCoding, ...sonnet], period });
    const finding = only(result.findings, 'overpaying');
    expect(finding.cost.method).toBe('observed_tokens');
    expect(finding.cost.tokenRatio).toEqual({ input: 1, output: 1.5 });
    // Opus: 3000 in × $5 + 800 out × $25 per M = $0.035; Sonnet: 3000 × $3 + 1200 × $15 = $0.027.
    expect(finding.cost.currentPerCallUsd).toBe('0.035');
    expect(finding.cost.projectedPerCallUsd).toBe('0.027');
    expect(Number(finding.monthlySavingUsd.point)).toBeCloseTo(14_000 * 0.008 * (DAYS_PER_MONTH / 28), 4);
    expect(finding.confidence).toBe('high');
  });

  it('falls back to price ratios when the cheaper model was seen too rarely, and says so', () => {
    const sonnet = series({ provider: 'anthropic', model: 'claude-sonnet-4-6', queryType: 'coding', callsPerDay: 1, inputPerCall: 3000, outputPerCall: 1200 });
    const finding = only(computeFindings({ rows: [...opusCoding, ...sonnet], period }).findings, 'overpaying');
    expect(finding.cost.method).toBe('price_ratio');
    expect(finding.cost.projectedPerCallUsd).toBe('0.021');
    expect(finding.cost.description).toMatch(/price ratios/);
  });
});

describe('computeFindings: underbidding', () => {
  const nano = series({ provider: 'openai', model: 'gpt-5-nano-2025-08-07', queryType: 'coding', callsPerDay: 300, inputPerCall: 2000, outputPerCall: 600 });

  it('flags a model below the quality floor and recommends the cheapest model above it', () => {
    const finding = only(computeFindings({ rows: nano, period }).findings, 'underbidding');
    expect(finding).toMatchObject({
      reason: 'below_floor',
      current: { model: 'gpt-5-nano-2025-08-07', catalogId: 'gpt-5-nano', aliases: ['gpt-5-nano-2025-08-07'] },
      recommended: { model: 'gpt-5-mini', provider: 'openai' },
    });
    expect(finding.quality.benchmark).toBe('SWE-bench Verified (bash-only, mini-swe-agent)');
    expect(finding.quality.deltaPoints.point).toBe(25);
    expect(Number(finding.monthlySavingUsd.point)).toBeLessThan(0); // an extra cost
  });

  it('flags a model far behind a higher tier of a provider the project uses', () => {
    const finding = only(computeFindings({ rows: nano, period, options: { qualityFloors: {} } }).findings, 'underbidding');
    expect(finding.reason).toBe('behind_reachable_tier');
    expect(finding.recommended.tier).not.toBe('budget');
    expect(finding.quality.deltaPoints.point).toBeGreaterThanOrEqual(10);
    expect(finding.quality.deltaPoints.low).toBeGreaterThan(0);
  });

  it('flags a model that fails clearly more often than another on the same query type', () => {
    const mini = series({ provider: 'openai', model: 'gpt-4o-mini', queryType: 'classification', callsPerDay: 200, inputPerCall: 600, outputPerCall: 20, truncationRate: 0.2 });
    const five = series({ provider: 'openai', model: 'gpt-5-mini', queryType: 'classification', callsPerDay: 100, inputPerCall: 600, outputPerCall: 20, truncationRate: 0.01 });
    const finding = only(computeFindings({ rows: [...mini, ...five], period }).findings, 'underbidding');
    expect(finding).toMatchObject({ reason: 'observed_failures', recommended: { model: 'gpt-5-mini' }, quality: { source: 'observed' } });
    expect(finding.observed.current.truncationRate).toBeCloseTo(0.2);
    expect(finding.quality.deltaPoints.point).toBeCloseTo(19, 0);
  });
});

describe('computeFindings: no advice without evidence', () => {
  it('skips query types, models and conflicts it has no evidence for, and says why', () => {
    // Two sources that disagree beyond their ranges (as a user's override could add): the
    // built-in catalog has one GPQA figure for Sonnet 4.6 since the untraceable one was dropped.
    const gpqa = (point: number, source: string) => ({ benchmark: 'GPQA Diamond', score: { low: point - 4, high: point + 4, point }, sampleSize: 198, source, date: '2026-02' });
    const catalog = buildCatalog([{ id: 'claude-sonnet-4-6', evidence: { expert_qa: [gpqa(89.9, 'system card'), gpqa(74.1, 'another report')] } }]);
    const rows = [
      ...series({ provider: 'anthropic', model: 'claude-opus-4-6', queryType: 'classification', callsPerDay: 100, inputPerCall: 4000, outputPerCall: 200 }),
      ...series({ provider: 'anthropic', model: 'claude-sonnet-4-6', queryType: 'expert_qa', callsPerDay: 100, inputPerCall: 1000, outputPerCall: 500 }),
      ...series({ provider: 'acme', model: 'acme-finetune-v2', queryType: 'coding', callsPerDay: 100, inputPerCall: 1000, outputPerCall: 500 }),
      ...series({ provider: 'anthropic', model: 'claude-opus-4-6', queryType: 'unknown', callsPerDay: 100, inputPerCall: 1000, outputPerCall: 500 }),
      ...series({ provider: 'openai', model: 'gpt-5-nano', queryType: 'coding', callsPerDay: 1, inputPerCall: 1000, outputPerCall: 500 }),
    ];
    const result = computeFindings({ rows, period, catalog });
    expect(result.findings).toEqual([]);
    const reasons = Object.fromEntries(result.skipped.map((s) => [`${s.queryType}/${s.model}`, s.reason]));
    expect(reasons).toEqual({
      'classification/claude-opus-4-6': 'no_evidence',
      'expert_qa/claude-sonnet-4-6': 'conflicting_evidence',
      'coding/acme-finetune-v2': 'not_in_catalog',
      'unknown/claude-opus-4-6': 'unknown_query_type',
      'coding/gpt-5-nano': 'too_few_calls',
    });
    // Sonnet 4.6 on GPQA Diamond is conflicting there (74.1% vs 89.9%): no headline score.
    const sonnet = getCapability(lookupModel('anthropic', 'claude-sonnet-4-6', catalog), 'expert_qa');
    expect(sonnet.status === 'evidence' && sonnet.benchmarks[0]?.conflicting).toBe(true);
    expect(result.skipped.find((s) => s.reason === 'conflicting_evidence')?.detail).toMatch(/GPQA Diamond/);
  });
});

describe('computeFindings: features, environments, determinism', () => {
  it('uses the project’s own per-feature evidence with byFeature', () => {
    const rows = series({ provider: 'openai', model: 'gpt-4-1106-preview', queryType: 'expert_qa', feature: 'triage', callsPerDay: 100, inputPerCall: 800, outputPerCall: 5 });
    const evidence = (model: string, point: number) => ({
      queryType: 'expert_qa' as const,
      feature: 'triage',
      model,
      provider: null,
      evidence: { benchmark: 'triage eval', score: { low: point - 3, high: point + 3, point }, sampleSize: 400, method: null, source: 'our eval', date: '2026-10', note: null },
    });
    const result = computeFindings({
      rows,
      period,
      featureEvidence: [evidence('gpt-4-1106-preview', 90), evidence('mixtral-8x7b-instruct', 89)],
      options: { byFeature: true, candidateProviders: 'all' },
    });
    const finding = only(result.findings, 'overpaying');
    expect(finding).toMatchObject({ feature: 'triage', recommended: { catalogId: 'mixtral-8x7b-instruct' }, quality: { source: 'project_eval', benchmark: 'triage eval' } });
  });

  it('filters environments', () => {
    const staging = opusCoding.map((row) => ({ ...row, environment: 'staging' }));
    expect(computeFindings({ rows: staging, period, options: { environments: ['production'] } }).findings).toEqual([]);
  });

  it('gives the same result for the same rows in any order', () => {
    const sonnet = series({ provider: 'anthropic', model: 'claude-sonnet-4-6', queryType: 'coding', callsPerDay: 100, inputPerCall: 3000, outputPerCall: 1200 });
    const rows = [...opusCoding, ...sonnet];
    const shuffled = [...rows].sort((a, b) => (a.costUsd < b.costUsd ? -1 : 1)).reverse();
    expect(JSON.stringify(computeFindings({ rows: shuffled, period }))).toBe(JSON.stringify(computeFindings({ rows, period })));
  });
});
