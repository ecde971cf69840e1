export { summarizeSpend, totalsOf, type SpendSummary, type SpendTotals } from './summarize-spend.ts';
export { buildSpendSeries, type SeriesDimension, type SpendSeries } from './build-spend-series.ts';
export { buildModelStats, type ModelStats } from './build-model-stats.ts';
export { buildQueryTypeMatrix, type QueryTypeMatrix, type QueryTypeRow } from './build-query-type-matrix.ts';
export { topFeatures } from './top-features.ts';
export { buildWeeklyReport, DEFAULT_WEEKLY_REPORT_OPTIONS, type BuildWeeklyReportInput, type WeeklyReportOptions } from './build-weekly-report.ts';
export type {
  ReportWeek,
  WeeklyFinding,
  WeeklyLinks,
  WeeklyModelLine,
  WeeklyQueryTypeLine,
  WeeklyReport,
  WeeklyRest,
  WeeklyRisks,
  WeeklyRule,
  WeeklyRuleLine,
  WeeklySavings,
  WeeklySpendLine,
} from './weekly-report.ts';
export { queryTypeLabel } from './query-type-label.ts';
