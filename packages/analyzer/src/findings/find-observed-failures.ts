import { queryTypeModelKey } from './aggregate-rollups.ts';
import { failsMoreOften } from './failure-stats.ts';
import { better, type FindingDraft, type NoFinding } from './finding-draft.ts';
import { candidateFromSeen, type GroupContext } from './group-context.ts';

/**
 * Underbidding on observed signals: the current model's calls of the query type fail
 * (errors plus truncations at the token limit) clearly more often than another model's
 * calls of the same query type in the same project — by `failureMarginPoints` or more, with
 * non-overlapping Wilson intervals, both with `minObservedCalls` calls. Recommends the model
 * that fails least (then the cheapest). Needs no benchmark, only the rollups.
 */
export function findObservedFailures(context: GroupContext): FindingDraft | NoFinding {
  const { options, aggregate, group } = context;
  const current = context.currentFailures;
  if (current.calls < options.minObservedCalls) return 'no_better_option';
  let best: FindingDraft | null = null;
  for (const seen of aggregate.models.values()) {
    if (seen.identity === group.identity) continue;
    if (!aggregate.byQueryTypeModel.has(queryTypeModelKey(group.queryType, seen.identity))) continue;
    const theirs = context.failuresOf(seen.identity);
    if (theirs === null || !failsMoreOften(current, theirs, options.failureMarginPoints)) continue;
    const candidate = candidateFromSeen(seen);
    const estimate = context.move(candidate);
    if (estimate === null) continue;
    best = better(
      best,
      {
        kind: 'underbidding',
        reason: 'observed_failures',
        candidate,
        estimate,
        quality: { source: 'observed', current, recommended: theirs },
      },
      // Fewest failures first, then the largest saving.
      (draft) => [-(draft.quality.source === 'observed' ? draft.quality.recommended.failureRate.point : 0), draft.estimate.monthlySaving.point],
    );
  }
  return best ?? 'no_better_option';
}
