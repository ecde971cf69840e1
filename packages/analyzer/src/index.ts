// Query types: taxonomy, prompt classifier and the evidence order (hint → tools → classifier).
export { QUERY_TYPES, TEXT_QUERY_TYPES, ZQueryType, isQueryType } from './query-types/query-type.ts';
export type { QueryType, TextQueryType } from './query-types/query-type.ts';
export type { PromptInput } from './query-types/prompt-text.ts';
export { classifyPrompt } from './query-types/classify-prompt.ts';
export { QUERY_TYPE_CONFIDENCE_THRESHOLD } from './query-types/create-prompt-classifier.ts';
export type {
  ClassifyPromptOptions,
  PromptClassification,
  PromptClassifier,
} from './query-types/create-prompt-classifier.ts';
export { ZQueryTypeSource, resolveQueryType } from './query-types/resolve-query-type.ts';
export type { QueryTypeEvidence, QueryTypeSource, ResolvedQueryType } from './query-types/resolve-query-type.ts';
export { ZClassifyRecordInput, classifyRecord } from './query-types/classify-record.ts';
export type { ClassifiedRecord, ClassifyRecordInput } from './query-types/classify-record.ts';

// Prompt templates (fingerprint, majority query type) and people's query-type corrections.
export * from './templates/index.ts';

// Prices: exact per-call costs from overrides and genai-prices, provider/model normalization, re-pricing.
export * from './prices/index.ts';

// Model catalog: tiers and capability evidence per query type, with user overrides.
export * from './catalog/index.ts';

// The time range a page, a report or a query covers.
export type { TimeRange } from './time-range.ts';

// Reports: the dashboard's and the weekly email's aggregates (totals, series, matrices) from rollup rows.
export * from './reports/index.ts';

// Findings: overpaying and underbidding per query type and model, from hourly rollups.
export * from './findings/index.ts';

// Routing rules: synthesized from findings, replayed over past rollups, exported to the SDK, LiteLLM and Portkey.
export * from './rules/index.ts';

// Spend watch: anomalies against an hour-of-week baseline, period forecasts, budget thresholds.
export { ZAnomalyOptions, detectSpendAnomalies } from './anomalies/detect-spend-anomalies.ts';
export type { AnomalyOptions, HourlySpendSeries, SpendAnomaly } from './anomalies/detect-spend-anomalies.ts';
export { ANOMALY_DRIVER_DIMENSIONS, explainAnomaly } from './anomalies/explain-anomaly.ts';
export type { AnomalyDriver, AnomalyDriverDimension, DriverSpendRow } from './anomalies/explain-anomaly.ts';
export { FORECAST_HISTORY_DAYS, ZForecastInput, forecastPeriodSpend } from './forecast/forecast-period-spend.ts';
export type { DailySpend, ForecastInput, PeriodForecast } from './forecast/forecast-period-spend.ts';
export { DEFAULT_BUDGET_THRESHOLDS, ZBudgetThresholds, evaluateBudget } from './budgets/evaluate-budget.ts';
export type { BudgetBasis, BudgetCrossing, BudgetStatus } from './budgets/evaluate-budget.ts';
export { BUILTIN_MODEL_RETIREMENTS, ZModelRetirement, modelLifecycle } from './catalog/model-lifecycle.ts';
export type { ModelLifecycle, ModelRetirement } from './catalog/model-lifecycle.ts';
export { budgetPeriod, type BudgetPeriod } from './budgets/budget-period.ts';

// Calendar days in a time zone (reports, budgets).
export { addDays, localParts, zonedTime } from './time/zoned-time.ts';
