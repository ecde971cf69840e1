import { buildSpendSeries, splitUnpricedCalls, summarizeSpend, topFeatures, totalsOf, type SpendSeries, type SpendSummary } from '@tierlens/analyzer';
import { type Db, loadPriceOverrides, loadRollupRowSets, loadRollupRows } from '@tierlens/db';
import { bucketOf, previousRange, type TimeRange } from '@/lib/time-range';

export interface Overview {
  summary: SpendSummary;
  byModel: SpendSeries;
  byQueryType: SpendSeries;
  topFeatures: Array<{ feature: string; costUsd: string; calls: number }>;
  /** Models without a price: their calls are unpriced until a price override is added. */
  unpricedModels: Array<{ model: string; provider: string; calls: number }>;
  /** Models with a price whose unpriced calls reported no usage (no token counts). */
  noUsageModels: Array<{ model: string; provider: string; calls: number }>;
  bucket: 'hour' | 'day';
}

/**
 * The overview page: spend of the range vs the one before, stacked series, top features, and the
 * unpriced calls split into models without a price and calls without reported usage.
 */
export async function getOverview(db: Db, project: { id: string; organizationId: string }, range: TimeRange): Promise<Overview> {
  const projectId = project.id;
  const bucket = bucketOf(range);
  // The five views of the range come from one scan of the rollups; the previous range is the other query.
  const [[byModelRows, byTypeRows, featureRows, unpricedRows, current], previous, overrides] = await Promise.all([
    loadRollupRowSets(db, projectId, range, [
      { bucket, groupBy: ['model'] },
      { bucket, groupBy: ['queryType'] },
      { bucket: 'range', groupBy: ['feature'] },
      { bucket: 'range', groupBy: ['provider', 'model'] },
      { bucket: 'range', groupBy: [] },
    ]),
    loadRollupRows(db, projectId, previousRange(range), { bucket: 'range', groupBy: [] }),
    loadPriceOverrides(db, project),
  ]);
  const unpriced = splitUnpricedCalls(
    unpricedRows!.map((r) => ({ provider: r.provider, model: r.model, calls: r.unpricedCalls })),
    { at: range.to, overrides },
  );
  return {
    summary: summarizeSpend(current!, previous),
    byModel: buildSpendSeries(byModelRows!, { by: 'model', from: range.from, to: range.to, bucket }),
    byQueryType: buildSpendSeries(byTypeRows!, { by: 'queryType', from: range.from, to: range.to, bucket }),
    topFeatures: topFeatures(featureRows!, 6),
    unpricedModels: unpriced.noPrice.map((m) => ({ model: m.model, provider: m.provider ?? '', calls: m.calls })),
    noUsageModels: unpriced.noUsage.map((m) => ({ model: m.model, provider: m.provider ?? '', calls: m.calls })),
    bucket,
  };
}

/** Totals only (the skeleton's and the e2e tests' check of spend and calls). */
export async function getSpendTotals(db: Db, projectId: string, range: TimeRange) {
  const t = totalsOf(await loadRollupRows(db, projectId, range, { bucket: 'range', groupBy: [] }));
  return { totalCostUsd: t.costUsd, calls: t.calls, unpricedCalls: t.unpricedCalls, inputTokens: t.inputTokens, outputTokens: t.outputTokens };
}
