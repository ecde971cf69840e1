import { inheritTemplateQueryType, pickCorrection } from '@tierlens/analyzer';
import { templateKey, type CallRow, type IngestQueryTypeContext } from '@tierlens/db';

/**
 * Finishes the query types of a batch of built rows: a weakly classified call of a template
 * takes the template's majority (the stored votes plus this batch's own, so the order calls
 * arrive in within a request does not matter), kept as its automatic type; then a correction in
 * force (call, else template, else feature) sets the effective type (`manual`, confidence 1).
 * Returns new rows; the input is not changed.
 */
export function resolveBatchQueryTypes(rows: readonly CallRow[], context: IngestQueryTypeContext): CallRow[] {
  const votes = new Map<string, Map<string, number>>();
  for (const [key, byType] of context.votes) votes.set(key, new Map(byType));
  for (const r of rows) {
    if (!r.templateFingerprint || !r.templateVote) continue;
    const key = templateKey(r.feature, r.templateFingerprint);
    const byType = votes.get(key) ?? new Map<string, number>();
    byType.set(r.templateVote, (byType.get(r.templateVote) ?? 0) + 1);
    votes.set(key, byType);
  }
  return rows.map((r) => {
    const own = { queryType: r.autoQueryType ?? r.queryType, source: r.autoQueryTypeSource ?? r.queryTypeSource, confidence: r.autoQueryTypeConfidence ?? r.queryTypeConfidence };
    const auto = r.templateFingerprint ? inheritTemplateQueryType(own, votes.get(templateKey(r.feature, r.templateFingerprint))) : own;
    const correction = pickCorrection(context.corrections, { traceId: r.traceId, spanId: r.spanId, feature: r.feature, templateFingerprint: r.templateFingerprint ?? null });
    return {
      ...r,
      autoQueryType: auto.queryType,
      autoQueryTypeSource: auto.source,
      autoQueryTypeConfidence: auto.confidence,
      queryType: correction ? correction.queryType : auto.queryType,
      queryTypeSource: correction ? 'manual' : auto.source,
      queryTypeConfidence: correction ? 1 : auto.confidence,
    };
  });
}
