import type { MoveEstimate } from './estimate-move.ts';
import type { FailureStats, FindingReason } from './findings-types.ts';
import type { Candidate, UsableComparison } from './group-context.ts';

/** What a finder found, before it is dressed as a `Finding`. */
export interface FindingDraft {
  readonly kind: 'overpaying' | 'underbidding';
  readonly reason: FindingReason;
  readonly candidate: Candidate;
  readonly estimate: MoveEstimate;
  readonly quality:
    | { readonly source: 'benchmark' | 'project_eval'; readonly comparison: UsableComparison }
    | { readonly source: 'observed'; readonly current: FailureStats; readonly recommended: FailureStats };
  /** For floor findings: the floor that was missed. */
  readonly floor?: { readonly benchmark: string; readonly minScore: number };
}

/** Why a finder made no finding (the most telling reason wins when none is made). */
export type NoFinding = 'no_evidence' | 'conflicting_evidence' | 'unpriced' | 'no_better_option';

/**
 * The better of two drafts by `score`, compared element by element (higher wins), ties
 * broken by candidate id so the result never depends on iteration order.
 */
export function better(a: FindingDraft | null, b: FindingDraft, score: (draft: FindingDraft) => readonly number[]): FindingDraft {
  if (a === null) return b;
  const sa = score(a);
  const sb = score(b);
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    if (sb[i] !== sa[i]) return sb[i]! > sa[i]! ? b : a;
  }
  return b.candidate.identity < a.candidate.identity ? b : a;
}
