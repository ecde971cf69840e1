import type { Db } from '@tierlens/db';
import { loadRuleOutcomes } from '@tierlens/reports';
import type { TimeRange } from '@/lib/time-range';

/**
 * Per rule, what its tagged calls show over the range: calls seen, routed and in control, the
 * realized saving against the predicted one, quality routed vs baseline, the pause reason.
 */
export async function rulesOutcomes(db: Db, projectId: string, range: TimeRange) {
  return loadRuleOutcomes(db, projectId, range);
}
