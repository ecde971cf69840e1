import { buildSpendSeries, summarizeSpend, topFeatures, totalsOf, type SpendSeries, type SpendSummary } from '@tierlens/analyzer';
import { type Db, loadRollupRowSets, loadRollupRows } from '@tierlens/db';
import { bucketOf, previousRange, type TimeRange } from '@/lib/time-range';

export interface Overview {
  summary: SpendSummary;
  byModel: SpendSeries;
  byQueryType: SpendSeries;
  topFeatures: Array<{ feature: string; costUsd: string; calls: number }>;
  unpricedModels: Array<{ model: string; provider: string; calls: number }>;
  bucket: 'hour' | 'day';
}

/** The overview page: spend of the range vs the one before, stacked series, top features, unpriced models. */
export async function getOverview(db: Db, projectId: string, range: TimeRange): Promise<Overview> {
  const bucket = bucketOf(range);
  // The five views of the range come from one scan of the rollups; the previous range is the other query.
  const [[byModelRows, byTypeRows, featureRows, unpricedRows, current], previous] = await Promise.all([
    loadRollupRowSets(db, projectId, range, [
      { bucket, groupBy: ['model'] },
      { bucket, groupBy: ['queryType'] },
      { bucket: 'range', groupBy: ['feature'] },
      { bucket: 'range', groupBy: ['provider', 'model'] },
      { bucket: 'range', groupBy: [] },
    ]),
    loadRollupRows(db, projectId, previousRange(range), { bucket: 'range', groupBy: [] }),
  ]);
  return {
    summary: summarizeSpend(current!, previous),
    byModel: buildSpendSeries(byModelRows!, { by: 'model', from: range.from, to: range.to, bucket }),
    byQueryType: buildSpendSeries(byTypeRows!, { by: 'queryType', from: range.from, to: range.to, bucket }),
    topFeatures: topFeatures(featureRows!, 6),
    unpricedModels: unpricedRows!
      .filter((r) => r.unpricedCalls > 0)
      .map((r) => ({ model: r.model, provider: r.provider, calls: r.unpricedCalls }))
      .sort((a, b) => b.calls - a.calls),
    bucket,
  };
}

/** Totals only (the skeleton's and the e2e tests' check of spend and calls). */
export async function getSpendTotals(db: Db, projectId: string, range: TimeRange) {
  const t = totalsOf(await loadRollupRows(db, projectId, range, { bucket: 'range', groupBy: [] }));
  return { totalCostUsd: t.costUsd, calls: t.calls, unpricedCalls: t.unpricedCalls, inputTokens: t.inputTokens, outputTokens: t.outputTokens };
}
