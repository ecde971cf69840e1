import { buildSpendSeries, summarizeSpend, topFeatures, totalsOf, type SpendSeries, type SpendSummary } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';
import { loadReportRows } from '@/features/analytics/server/load-report-rows';
import { bucketOf, previousRange, type TimeRange } from '@/features/analytics/lib/time-range';

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
  const [rows, prevRows] = await Promise.all([
    loadReportRows(db, projectId, range, bucket),
    loadReportRows(db, projectId, previousRange(range), 'day'),
  ]);
  const unpriced = new Map<string, { model: string; provider: string; calls: number }>();
  for (const r of rows) {
    if (!r.unpricedCalls) continue;
    const k = `${r.provider}/${r.model}`;
    const u = unpriced.get(k) ?? { model: r.model, provider: r.provider, calls: 0 };
    u.calls += r.unpricedCalls;
    unpriced.set(k, u);
  }
  return {
    summary: summarizeSpend(rows, prevRows),
    byModel: buildSpendSeries(rows, { by: 'model', from: range.from, to: range.to, bucket }),
    byQueryType: buildSpendSeries(rows, { by: 'queryType', from: range.from, to: range.to, bucket }),
    topFeatures: topFeatures(rows, 6),
    unpricedModels: [...unpriced.values()].sort((a, b) => b.calls - a.calls),
    bucket,
  };
}

/** Totals only (the skeleton's and the e2e tests' check of spend and calls). */
export async function getSpendTotals(db: Db, projectId: string, range: TimeRange) {
  const t = totalsOf(await loadReportRows(db, projectId, range, 'day'));
  return { totalCostUsd: t.costUsd, calls: t.calls, unpricedCalls: t.unpricedCalls, inputTokens: t.inputTokens, outputTokens: t.outputTokens };
}
