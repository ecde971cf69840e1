import { wilsonInterval } from '../catalog/binomial-evidence.ts';
import type { CapabilityQueryType, ProjectEvalResult } from '../catalog/catalog-types.ts';
import type { FeatureEvidence } from './findings-options.ts';

/** Where a replay evaluation ran: the query type, feature and provider of the calls it sampled. */
export interface ProjectEvidenceScope {
  readonly queryType: CapabilityQueryType;
  readonly feature: string;
  readonly provider: string | null;
}

/**
 * Turns a result measured on the project's own traffic into per-feature evidence for
 * `computeFindings` (`featureEvidence`, with `byFeature`). Both models are put on one
 * benchmark of their own, "win rate against the current model on your traffic": the current
 * model at 50 by definition, the candidate at (wins + ties / 2) ÷ pairs with the evaluation's
 * own interval for the score difference (or a Wilson interval over the pairs when the
 * difference is not on that scale). Because the benchmark is the project's own, it is never
 * compared with public scores.
 */
export function projectEvidence(result: ProjectEvalResult, scope: ProjectEvidenceScope): FeatureEvidence[] {
  const n = result.wins + result.ties + result.losses;
  if (n === 0) throw new RangeError('a project evaluation needs at least one judged pair');
  const winRate = (100 * (result.wins + result.ties / 2)) / n;
  const wilson = wilsonInterval(winRate, n);
  const round = (value: number) => Math.round(value * 100) / 100;
  const benchmark = `Your traffic: ${result.method} (${scope.feature || 'all features'})`;
  const citation = {
    kind: 'project_eval' as const,
    publisher: 'this project',
    title: `Replay of ${n} ${scope.queryType} calls from ${result.currentModel} on ${result.candidateModel}`,
    url: null,
    repository: null,
    commit: null,
    path: null,
    harness: result.method,
    licence: 'the project’s own data',
    short: `Measured on your traffic, ${result.date.slice(0, 7)}`,
  };
  const item = (model: string, score: { low: number; high: number; point: number }, method: string): FeatureEvidence => ({
    queryType: scope.queryType,
    feature: scope.feature,
    provider: scope.provider,
    model,
    evidence: {
      benchmark,
      score,
      sampleSize: n,
      method,
      source: `${citation.title}, ${result.date}`,
      date: result.date,
      note: `won ${result.wins}, tied ${result.ties}, lost ${result.losses}; cost per task ${result.costPerTaskUsd.current} → ${result.costPerTaskUsd.candidate} USD`,
      citation: { ...citation, short: citation.short },
      projectResult: result,
    },
  });
  return [
    item(result.currentModel, { low: 50, high: 50, point: 50 }, 'the reference: 50% against itself'),
    item(
      result.candidateModel,
      { low: round(Math.min(wilson.low, winRate)), high: round(Math.max(wilson.high, winRate)), point: round(winRate) },
      `win rate against ${result.currentModel} over ${n} pairs (ties count half), Wilson 95% interval; score difference ${result.scoreDiff.point} [${result.scoreDiff.low}, ${result.scoreDiff.high}] points`,
    ),
  ];
}
