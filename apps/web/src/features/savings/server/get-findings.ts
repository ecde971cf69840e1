import { computeFindings, type FindingsResult } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';
import { loadReportRows } from '@tierlens/reports/load-report-rows';
import type { TimeRange } from '@/features/analytics/lib/time-range';
import { loadAdviceInputs } from '@tierlens/reports';

/**
 * The analyzer's findings for a project over a range: daily rollups by model, query type,
 * feature and environment, with the organization's catalog and price overrides applied.
 */
export async function getFindings(db: Db, project: { id: string; organizationId: string }, range: TimeRange): Promise<FindingsResult> {
  const [rows, { catalog, priceOverrides }] = await Promise.all([
    loadReportRows(db, project.id, range, { bucket: 'day', groupBy: ['provider', 'model', 'queryType', 'feature', 'environment'] }),
    loadAdviceInputs(db, project),
  ]);
  return computeFindings({ rows, period: { start: range.from, end: range.to }, catalog, priceOverrides });
}
