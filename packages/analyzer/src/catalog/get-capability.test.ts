import { describe, expect, it } from 'vitest';
import { buildCatalog } from './build-catalog.ts';
import { compareCapability } from './compare-capability.ts';
import { getCapability } from './get-capability.ts';
import { lookupModel } from './lookup-model.ts';
import { SWE_BENCH_BASH_ONLY } from './swebench-bash-only.ts';

describe('getCapability', () => {
  it('groups evidence by benchmark, most comparable first', () => {
    const capability = getCapability(lookupModel(null, 'claude-sonnet-4-5'), 'coding');
    expect(capability.status).toBe('evidence');
    if (capability.status !== 'evidence') return;
    expect(capability.benchmarks[0]).toMatchObject({ benchmark: SWE_BENCH_BASH_ONLY, low: 66.5, high: 74.4, point: 70.6, conflicting: false });
    // Then the leaderboards imported since, each on its own benchmark (never merged with SWE-bench).
    expect(capability.benchmarks.map((b) => b.benchmark)).toEqual([
      SWE_BENCH_BASH_ONLY,
      'LMArena text, coding (style control): win rate vs GPT-4o (2024-08-06)',
      'LiveBench 2026-01-08, coding',
    ]);
  });

  it('flags sources that disagree beyond their ranges, and gives no point then', () => {
    const gpqa = (point: number, source: string) => ({ benchmark: 'GPQA Diamond', score: { low: point - 4, high: point + 4, point }, sampleSize: 198, source, date: '2026-02' });
    const catalog = buildCatalog([{ id: 'claude-sonnet-4-6', evidence: { expert_qa: [gpqa(89.9, 'system card'), gpqa(74.1, 'another report')] } }]);
    const capability = getCapability(lookupModel(null, 'claude-sonnet-4-6', catalog), 'expert_qa');
    expect(capability.status).toBe('evidence');
    if (capability.status !== 'evidence') return;
    expect(capability.benchmarks[0]).toMatchObject({ benchmark: 'GPQA Diamond', conflicting: true, point: null });
    expect(capability.benchmarks[0]?.low).toBeLessThan(74.1);
    expect(capability.benchmarks[0]?.high).toBeGreaterThan(89.9);
  });

  it('reports missing evidence instead of guessing from the tier', () => {
    expect(getCapability(lookupModel(null, 'gpt-4o-mini'), 'classification')).toMatchObject({ status: 'no_evidence' });
    expect(getCapability(null, 'coding')).toMatchObject({ status: 'no_evidence', reason: 'the model is not in the catalog' });
  });
});

describe('compareCapability', () => {
  it('compares on a shared benchmark with an interval for the difference', () => {
    const comparison = compareCapability(lookupModel(null, 'claude-opus-4-5'), lookupModel(null, 'claude-sonnet-4-5'), 'coding');
    expect(comparison).toMatchObject({ status: 'compared', benchmark: SWE_BENCH_BASH_ONLY, deltaPoint: -3.8 });
    if (comparison.status !== 'compared') return;
    expect(comparison.deltaLow).toBeLessThan(-3.8);
    expect(comparison.deltaHigh).toBeGreaterThan(0);
  });

  it('uses the seed figures for Opus 4.6 → Sonnet 4.6 coding (1.2 points, within noise)', () => {
    const comparison = compareCapability(lookupModel(null, 'claude-opus-4-6'), lookupModel(null, 'claude-sonnet-4-6'), 'coding');
    expect(comparison).toMatchObject({ status: 'compared', deltaPoint: -1.2 });
  });

  it('refuses to compare different benchmarks', () => {
    const catalog = buildCatalog([
      { id: 'a-model', provider: 'x', tier: 'budget', evidence: { math: [{ benchmark: 'A', score: 50, source: 's', date: '2026-01' }] } },
      { id: 'b-model', provider: 'x', tier: 'budget', evidence: { math: [{ benchmark: 'B', score: 60, source: 's', date: '2026-01' }] } },
    ]);
    expect(compareCapability(lookupModel(null, 'a-model', catalog), lookupModel(null, 'b-model', catalog), 'math')).toMatchObject({
      status: 'no_common_benchmark',
    });
    expect(compareCapability(lookupModel(null, 'a-model', catalog), null, 'math')).toMatchObject({ status: 'no_evidence' });
  });
});
