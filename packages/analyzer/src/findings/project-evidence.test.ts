import { describe, expect, it } from 'vitest';
import { ZCapabilityEvidence, ZProjectEvalResult } from '../catalog/catalog-types.ts';
import { computeFindings } from './compute-findings.ts';
import { projectEvidence } from './project-evidence.ts';
import { rollupSeries } from './testing/rollup-series.ts';

const result = ZProjectEvalResult.parse({
  currentModel: 'gpt-4o',
  candidateModel: 'gpt-4o-mini',
  wins: 40,
  ties: 120,
  losses: 40,
  scoreDiff: { low: -3, point: 0, high: 3 },
  costPerTaskUsd: { current: '0.0125', candidate: '0.00075' },
  method: 'pairwise judge, both orders, ties allowed',
  date: '2026-12-01',
});

describe('projectEvidence', () => {
  it('puts both models on one benchmark of the project’s own, the candidate as a win rate with its interval', () => {
    const [current, candidate] = projectEvidence(result, { queryType: 'summarization', feature: 'support-bot', provider: null });
    expect(current!.evidence.score).toEqual({ low: 50, high: 50, point: 50 });
    expect(candidate!.evidence).toMatchObject({ benchmark: current!.evidence.benchmark, sampleSize: 200, score: { point: 50 } });
    expect(candidate!.evidence.score.low).toBeLessThan(50);
    expect(candidate!.evidence.citation).toMatchObject({ kind: 'project_eval', short: 'Measured on your traffic, 2026-12' });
    expect(() => ZCapabilityEvidence.parse(candidate!.evidence)).not.toThrow();
  });

  it('feeds computeFindings as per-feature evidence, judged on its own', () => {
    const start = new Date('2026-10-01T00:00:00Z');
    const rows = rollupSeries({ start, days: 28, provider: 'openai', model: 'gpt-4o', queryType: 'summarization', feature: 'support-bot', callsPerDay: 300, inputPerCall: 3000, outputPerCall: 300 });
    const findings = computeFindings({
      rows,
      period: { start, end: new Date('2026-10-29T00:00:00Z') },
      featureEvidence: projectEvidence(result, { queryType: 'summarization', feature: 'support-bot', provider: null }),
      options: { byFeature: true },
    });
    expect(findings.findings.map((f) => [f.kind, f.recommended.model, f.quality.source])).toEqual([['overpaying', 'gpt-4o-mini', 'project_eval']]);
  });

  it('applies an evaluation of every feature (feature \'\') to findings made per query type', () => {
    const start = new Date('2026-10-01T00:00:00Z');
    const rows = rollupSeries({ start, days: 28, provider: 'openai', model: 'gpt-4o', queryType: 'summarization', feature: 'support-bot', callsPerDay: 300, inputPerCall: 3000, outputPerCall: 300 });
    const input = { rows, period: { start, end: new Date('2026-10-29T00:00:00Z') } };
    const own = computeFindings({ ...input, featureEvidence: projectEvidence(result, { queryType: 'summarization', feature: '', provider: null }) });
    expect(own.findings.map((f) => [f.recommended.model, f.quality.source])).toEqual([['gpt-4o-mini', 'project_eval']]);
    const lost = computeFindings({ ...input, featureEvidence: projectEvidence({ ...result, wins: 10, ties: 60, losses: 130 }, { queryType: 'summarization', feature: '', provider: null }) });
    expect(lost.findings.filter((f) => f.kind === 'overpaying' && f.recommended.model === 'gpt-4o-mini')).toEqual([]);
  });

  it('refuses an evaluation without pairs', () => {
    expect(() => projectEvidence({ ...result, wins: 0, ties: 0, losses: 0 }, { queryType: 'summarization', feature: '', provider: null })).toThrow(RangeError);
  });
});
