import { whatIf, type WhatIfResult } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';
import { loadReportRows } from '@tierlens/reports/load-report-rows';
import type { TimeRange } from '@/features/analytics/lib/time-range';
import { loadAdviceInputs } from '@tierlens/reports';
import { loadEnabledRules } from './rule-services';

/** Replays the project's enabled rules over a past range and returns the projected spend. */
export async function rulesWhatIf(db: Db, project: { id: string; organizationId: string }, range: TimeRange): Promise<WhatIfResult> {
  const [rows, rules, { catalog, priceOverrides }] = await Promise.all([
    loadReportRows(db, project.id, range, { bucket: 'day', groupBy: ['provider', 'model', 'queryType', 'feature', 'environment'] }),
    loadEnabledRules(db, project.id),
    loadAdviceInputs(db, project),
  ]);
  return whatIf({ rows, rules, period: { start: range.from, end: range.to }, catalog, priceOverrides });
}
