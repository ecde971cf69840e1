import { better, type FindingDraft, type NoFinding } from './finding-draft.ts';
import { compareOn, hasUncertainty, TIER_RANK, usable, type GroupContext } from './group-context.ts';

/**
 * Underbidding on evidence, in two ways:
 * 1. **Below a floor**: the current model's headline score on a floor benchmark of the query
 *    type is below the floor. The cheapest candidate at or above the floor on that same
 *    benchmark is recommended.
 * 2. **Behind a reachable tier**: a candidate of a higher tier (from a provider the project
 *    can reach) scores at least `gapPoints` more on a shared benchmark, and more even at the
 *    pessimistic ends of both ranges. The cheapest such candidate is recommended.
 * Conflicting evidence (sources whose ranges do not overlap) never supports a finding: the
 * catalog gives it no headline score.
 */
export function findUnderbidding(context: GroupContext): FindingDraft | NoFinding {
  const { evidence, options, group } = context;
  if (evidence === null || evidence.capability.status !== 'evidence') return 'no_evidence';
  const capability = evidence.capability;
  const cheapest = (draft: FindingDraft) => [draft.estimate.monthlySaving.point];

  for (const floor of options.qualityFloors[context.queryType] ?? []) {
    const own = capability.benchmarks.find((b) => b.benchmark === floor.benchmark);
    if (own === undefined || own.conflicting || own.point === null || own.point >= floor.minScore) continue;
    let best: FindingDraft | null = null;
    for (const candidate of context.candidates) {
      if (candidate.entry === null || !evidence.covers(candidate.entry)) continue;
      const theirs = evidence.capabilityOf(candidate.entry);
      if (theirs.status !== 'evidence') continue;
      const benchmark = theirs.benchmarks.find((b) => b.benchmark === floor.benchmark);
      if (benchmark === undefined || benchmark.point === null || benchmark.point < floor.minScore) continue;
      const comparison = compareOn(own, benchmark, context.queryType);
      const estimate = comparison && context.move(candidate);
      if (!comparison || !estimate) continue;
      const draft: FindingDraft = {
        kind: 'underbidding',
        reason: 'below_floor',
        candidate,
        estimate,
        quality: { source: evidence.source, comparison },
        floor,
      };
      best = better(best, draft, cheapest);
    }
    if (best) return best;
  }

  const ownTier = group.entry ? TIER_RANK[group.entry.tier] : Number.POSITIVE_INFINITY;
  let best: FindingDraft | null = null;
  for (const candidate of context.candidates) {
    if (candidate.entry === null || TIER_RANK[candidate.entry.tier] <= ownTier || !evidence.covers(candidate.entry)) continue;
    const comparison = usable(evidence.compare(candidate.entry));
    if (comparison === null || comparison.deltaPoint < options.gapPoints || comparison.deltaLow <= 0 || !hasUncertainty(comparison)) continue;
    const estimate = context.move(candidate);
    if (estimate === null) continue;
    best = better(
      best,
      { kind: 'underbidding', reason: 'behind_reachable_tier', candidate, estimate, quality: { source: evidence.source, comparison } },
      cheapest,
    );
  }
  if (best) return best;
  return capability.benchmarks.every((b) => b.conflicting) ? 'conflicting_evidence' : 'no_better_option';
}
