import { projectEvidence, ZCapabilityQueryType, ZProjectEvalResult, type FeatureEvidence } from '@tierlens/analyzer';
import { loadCompletedEvaluationResults, type Db } from '@tierlens/db';

/**
 * A project's completed replay evaluations as per-feature evidence for `computeFindings`: the
 * newest result per query type × feature × current × candidate model. Evaluations of every
 * feature (`feature` '') apply to findings made per query type.
 */
export async function evaluationEvidence(db: Db, projectId: string): Promise<FeatureEvidence[]> {
  const rows = await loadCompletedEvaluationResults(db, projectId);
  const seen = new Set<string>();
  const out: FeatureEvidence[] = [];
  for (const row of rows) {
    const key = [row.queryType, row.feature, row.currentModel, row.candidateModel].join('\u0000');
    const queryType = ZCapabilityQueryType.safeParse(row.queryType);
    const result = ZProjectEvalResult.safeParse(row.result);
    if (seen.has(key) || !queryType.success || !result.success) continue;
    seen.add(key);
    out.push(...projectEvidence(result.data, { queryType: queryType.data, feature: row.feature, provider: row.provider }));
  }
  return out;
}
