import { whatIf, type WhatIfResult } from '@tierlens/analyzer';
import { type Db, loadRollupRows } from '@tierlens/db';
import { loadAdviceInputs } from '@tierlens/db/advice';
import type { TimeRange } from '@/lib/time-range';
import { loadEnabledRules } from './rule-services';

/**
 * Replays the project's enabled rules over a past range and returns the projected spend. The
 * replay needs no time buckets and no environments, so the database sums the range into one
 * row per model × query type × feature, everything a rule can match on.
 */
export async function rulesWhatIf(db: Db, project: { id: string; organizationId: string }, range: TimeRange): Promise<WhatIfResult> {
  const [rows, rules, { catalog, priceOverrides }] = await Promise.all([
    loadRollupRows(db, project.id, range, { bucket: 'range', groupBy: ['provider', 'model', 'queryType', 'feature'] }),
    loadEnabledRules(db, project.id),
    loadAdviceInputs(db, project),
  ]);
  return whatIf({ rows, rules, period: { start: range.from, end: range.to }, catalog, priceOverrides });
}
