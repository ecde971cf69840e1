import { failsMoreOften } from './failure-stats.ts';
import { better, type FindingDraft, type NoFinding } from './finding-draft.ts';
import { compareOnEveryShared, hasUncertainty, usable, type GroupContext } from './group-context.ts';
import { F } from './usage-stats.ts';

/**
 * Overpaying: the cheapest way out. Among catalog models with evidence on a benchmark the
 * current model shares (never across benchmarks or harnesses; conflicting evidence is left
 * out), takes those whose headline score is at most `tolerancePoints` below the current
 * model's on every benchmark both have (at least one of them with an interval or item count),
 * that are not below a quality floor, that do not fail clearly more often on this project's
 * own calls of the query type, and whose estimated cost is lower; returns the one with the
 * largest estimated saving.
 */
export function findOverpaying(context: GroupContext): FindingDraft | NoFinding {
  const { evidence, options } = context;
  if (evidence === null || evidence.capability.status !== 'evidence') return 'no_evidence';
  if (evidence.capability.benchmarks.every((benchmark) => benchmark.conflicting)) return 'conflicting_evidence';
  let best: FindingDraft | null = null;
  const sharedCount = new Map<string, number>();
  for (const candidate of context.candidates) {
    if (candidate.entry === null || !evidence.covers(candidate.entry)) continue;
    const comparison = usable(evidence.compare(candidate.entry));
    if (comparison === null || comparison.deltaPoint < -options.tolerancePoints) continue;
    // Every other benchmark both share must agree, so one stale or odd source cannot decide.
    const shared = compareOnEveryShared(evidence.capability, evidence.capabilityOf(candidate.entry), context.queryType);
    if (shared.some((other) => other.deltaPoint < -options.tolerancePoints)) continue;
    if (!shared.some(hasUncertainty)) continue;
    if (belowAFloor(context, candidate.entry)) continue;
    const failures = context.failuresOf(candidate.identity);
    if (failures && failsMoreOften(failures, context.currentFailures, options.failureMarginPoints)) continue;
    const estimate = context.move(candidate);
    if (estimate === null) continue;
    if (estimate.monthlySaving.point <= 0) continue;
    sharedCount.set(candidate.identity, shared.length);
    best = better(
      best,
      { kind: 'overpaying', reason: 'within_tolerance', candidate, estimate, quality: { source: evidence.source, comparison } },
      // Equal savings: the candidate backed by more shared benchmarks, then the smaller loss.
      (draft) => [draft.estimate.monthlySaving.point, sharedCount.get(draft.candidate.identity) ?? 0, draft.quality.source === 'observed' ? 0 : draft.quality.comparison.deltaPoint],
    );
  }
  if (best) return best;
  return context.group.totals[F.pricedCalls]! > 0 ? 'no_better_option' : 'unpriced';
}

function belowAFloor(context: GroupContext, entry: NonNullable<GroupContext['candidates'][number]['entry']>): boolean {
  const capability = context.evidence?.capabilityOf(entry);
  if (!capability || capability.status !== 'evidence') return false;
  return (context.options.qualityFloors[context.queryType] ?? []).some((floor) => {
    const benchmark = capability.benchmarks.find((b) => b.benchmark === floor.benchmark);
    return benchmark !== undefined && benchmark.point !== null && !benchmark.conflicting && benchmark.point < floor.minScore;
  });
}
