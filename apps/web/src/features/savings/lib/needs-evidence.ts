import type { SkippedGroup } from '@tierlens/analyzer';

/** Why the analyzer gave no verdict on a group for lack of evidence. */
const NEEDS_EVIDENCE_REASONS: readonly SkippedGroup['reason'][] = ['no_evidence', 'conflicting_evidence', 'not_in_catalog'];

/** Spend without a verdict on one query type × model, for the "needs evidence" list. */
export interface NeedsEvidenceRow {
  readonly queryType: string;
  readonly model: string;
  readonly provider: string | null;
  readonly calls: number;
  readonly spendUsd: number;
  readonly reason: SkippedGroup['reason'];
  readonly detail: string;
}

/**
 * The groups the analyzer skipped because nothing public (or nothing consistent) says how
 * the model does on the query type, summed per query type × model × provider (features
 * together), largest spend first. Groups skipped for other reasons (too few calls, unpriced,
 * no better option) are not evidence gaps and are left out.
 */
export function needsEvidence(skipped: readonly SkippedGroup[]): NeedsEvidenceRow[] {
  const rows = new Map<string, NeedsEvidenceRow>();
  for (const group of skipped) {
    if (!NEEDS_EVIDENCE_REASONS.includes(group.reason)) continue;
    const key = `${group.queryType}\u0000${group.model}\u0000${group.provider ?? ''}`;
    const existing = rows.get(key);
    rows.set(key, {
      queryType: group.queryType,
      model: group.model,
      provider: group.provider,
      calls: (existing?.calls ?? 0) + group.calls,
      spendUsd: (existing?.spendUsd ?? 0) + Number(group.spendUsd),
      reason: existing?.reason ?? group.reason,
      detail: existing?.detail ?? group.detail,
    });
  }
  return [...rows.values()].sort((a, b) => b.spendUsd - a.spendUsd || a.queryType.localeCompare(b.queryType) || a.model.localeCompare(b.model));
}
