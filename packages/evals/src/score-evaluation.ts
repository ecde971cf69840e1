import { divideHalfEven, formatUsd, parseUsd, type ProjectEvalResult } from '@tierlens/analyzer';

/** The candidate's outcome on one prompt against the current model. */
export type ItemOutcome = 'win' | 'tie' | 'loss';

/** One judged item: its outcome and what each model's replay cost (USD decimal strings). */
export interface ScoredItem {
  readonly outcome: ItemOutcome;
  readonly currentCostUsd: string;
  readonly candidateCostUsd: string;
}

/**
 * Summarizes judged items as a project evidence result. Each item scores the candidate +1 (win),
 * 0 (tie) or −1 (loss) against the current model; the score difference is the mean in points
 * (×100) with a normal 95% interval over the items, clamped to ±100. Cost per task is each
 * model's mean replay cost, exact to 10⁻¹⁰ USD (half-even).
 */
export function scoreEvaluation(
  items: readonly ScoredItem[],
  meta: { currentModel: string; candidateModel: string; method: string; date: string },
): ProjectEvalResult {
  const n = items.length;
  if (n === 0) throw new RangeError('no judged items to score');
  const count = (o: ItemOutcome) => items.filter((i) => i.outcome === o).length;
  const wins = count('win');
  const ties = count('tie');
  const losses = count('loss');
  const diffs: number[] = items.map((i) => (i.outcome === 'win' ? 1 : i.outcome === 'loss' ? -1 : 0));
  const mean = diffs.reduce((a, d) => a + d, 0) / n;
  const variance = n > 1 ? diffs.reduce((a, d) => a + (d - mean) ** 2, 0) / (n - 1) : 1;
  const half = 1.96 * Math.sqrt(variance / n);
  const points = (v: number) => Math.round(Math.max(-100, Math.min(100, v * 100)) * 100) / 100;
  const meanCost = (pick: (i: ScoredItem) => string) =>
    formatUsd(divideHalfEven(items.reduce((a, i) => a + parseUsd(pick(i)), 0n), BigInt(n)));
  return {
    currentModel: meta.currentModel,
    candidateModel: meta.candidateModel,
    wins,
    ties,
    losses,
    scoreDiff: { low: points(mean - half), point: points(mean), high: points(mean + half) },
    costPerTaskUsd: { current: meanCost((i) => i.currentCostUsd), candidate: meanCost((i) => i.candidateCostUsd) },
    method: meta.method,
    date: meta.date,
  };
}
