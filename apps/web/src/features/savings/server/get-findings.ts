import { computeFindings, periodBuckets, type FindingsResult } from '@tierlens/analyzer';
import { type Db, loadRollupRows } from '@tierlens/db';
import { loadAdviceInputs } from '@tierlens/db/advice';
import { evaluationEvidence } from '@tierlens/evals';
import type { TimeRange } from '@/lib/time-range';
import { needsEvidence, type NeedsEvidenceRow } from '../lib/needs-evidence';

/** The findings, and the spend they could give no verdict on for lack of evidence. */
export type SavingsFindings = FindingsResult & { readonly needsEvidence: readonly NeedsEvidenceRow[] };

/**
 * The analyzer's findings for a project over a range, with the organization's catalog and
 * price overrides applied. The rollups are summed in the database to exactly what the findings
 * read: one row per model × query type × feature (environments summed) and per bucket of the
 * period the analyzer measures week-to-week (or day-to-day) variation over. The buckets end at
 * the last UTC midnight, so the database sums each from daily rollups; the answer is the one the
 * hourly rollups would give (test/report-rows.int.test.ts).
 */
export async function getFindings(db: Db, project: { id: string; organizationId: string }, range: TimeRange): Promise<SavingsFindings> {
  const period = { start: range.from, end: range.to };
  const options = { bucketAlignment: 'utc-midnight' } as const;
  const { daysPerBucket, firstBucketStart } = periodBuckets(period, options.bucketAlignment);
  const [rows, { catalog, priceOverrides }, featureEvidence] = await Promise.all([
    loadRollupRows(db, project.id, range, {
      bucket: daysPerBucket > 0 ? { everyDays: daysPerBucket, origin: new Date(firstBucketStart) } : 'range',
      groupBy: ['provider', 'model', 'queryType', 'feature'],
    }),
    loadAdviceInputs(db, project),
    evaluationEvidence(db, project.id),
  ]);
  const result = computeFindings({ rows, period, catalog, priceOverrides, featureEvidence, options });
  return { ...result, needsEvidence: needsEvidence(result.skipped) };
}
