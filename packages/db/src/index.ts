// The data layer: every table family's reads and writes, one module each, used by every app.
// Modules that run the analyzer (catalog, advice inputs, re-pricing) are in `@tierlens/db/advice`,
// so that loading this entry stays light. Start-up concerns (embedded Postgres, migrations) live in `@tierlens/db/runtime` so the web
// bundle does not pull them in.
export { createDb, type Db } from './client.ts';
export { Prisma } from './generated/prisma/client.ts';
export { queryRows, type Queryable } from './query-rows.ts';
export { isRetryableConflict, sqlStateOf, withConflictRetry, type RetryOptions } from './retry-on-conflict.ts';

// Calls (`llm_calls`, `call_span_keys`): the ingest's insert (re-pricing is in `@tierlens/db/advice`).
export type { CallRow } from './calls/call-row.ts';
export { insertCalls, type InsertCallsOptions, type InsertResult, type RejectedCall } from './calls/insert-calls.ts';

// Query types of stored calls: prompt templates and people's corrections (`prompt_template_votes`,
// `query_type_corrections`), re-typing stored calls and moving their rollups.
export { retypeStoredCalls, type RetypeSummary } from './query-types/retype-stored-calls.ts';
export {
  CorrectionNotFoundError,
  createQueryTypeCorrection,
  listQueryTypeCorrections,
  undoQueryTypeCorrection,
  type QueryTypeCorrectionView,
} from './query-types/query-type-corrections.ts';
export { loadIngestQueryTypeContext, templateKey, type IngestQueryTypeContext } from './query-types/load-ingest-query-type-context.ts';
export { listPromptTemplates, type PromptTemplateRow } from './query-types/list-prompt-templates.ts';
export { exportLabelledCalls } from './query-types/export-labelled-calls.ts';

// Rollups (`call_rollups_hourly`, `call_rollups_daily`): the one list of measures and the reads.
export {
  ROLLUP_DIMENSIONS,
  ROLLUP_DIMENSION_FROM_CALLS,
  ROLLUP_MEASURES,
  ROLLUP_MEASURE_COLUMNS,
  rollupMeasureAdditions,
  rollupMeasureSums,
  rollupMeasuresFromCalls,
  type RollupMeasure,
} from './rollups/rollup-measures.ts';
export { loadRollupRowSets, loadRollupRows, type LoadRollupOptions, type RollupDimension } from './rollups/load-rollup-rows.ts';

// Price overrides (`price_overrides`); catalog overrides are in `@tierlens/db/advice`.
export { loadPriceOverrides } from './overrides/load-price-overrides.ts';
export { PRICE_OVERRIDE_CACHE_MS } from './overrides/price-override-freshness.ts';

// API keys (`api_keys`).
export { createApiKey, revokeApiKey, hashApiKey, generateApiKeySecret, type ApiKeyScope, type CreatedApiKey } from './api-keys/api-keys.ts';
export { findActiveApiKey, touchApiKey, type ActiveApiKey } from './api-keys/find-active-api-key.ts';

// Membership and projects (`organizations`, `members`, `projects`).
export { createOrganization, createProject, ROLES, type Role } from './membership/organizations.ts';
export { findMemberProject, findMembership, type MemberProject } from './membership/find-member-project.ts';

// Report deliveries (`report_deliveries`).
export {
  claimDueRetries,
  claimNewDeliveries,
  failAbandonedClaims,
  loadDeliveryRecipients,
  markDeliveryFailed,
  markDeliverySent,
  markDeliverySkipped,
  type ClaimedDelivery,
  type DeliveryRecipient,
} from './report-deliveries/report-deliveries.ts';

// Budgets, notification deliveries and spend anomalies (`budgets`, `notification_*`, `spend_anomalies`).
export { loadBudgetDailySpend, type BudgetScope } from './alerts/budget-spend.ts';
export { claimDueNotifications, enqueueNotification, recordNotificationOutcome, type ClaimedNotification, type NotificationKind } from './alerts/notification-deliveries.ts';
export { loadActiveSpendSeries, loadDriverSpend, recordSpendAnomaly, type ProjectSpendSeries } from './alerts/spend-anomalies.ts';

// Provider credentials (`provider_credentials`): keys are stored sealed; lists never carry them.
export {
  deleteProviderCredential,
  insertProviderCredential,
  listProviderCredentials,
  loadSealedProviderCredential,
  type ProviderCredentialSummary,
  type SealedProviderCredential,
} from './provider-credentials/provider-credentials.ts';

// Replay evaluations (`replay_evaluations`, `replay_evaluation_items`): jobs claimed with a lease, per-item results.
export {
  addEvaluationSpend,
  cancelReplayEvaluation,
  claimReplayEvaluations,
  createReplayEvaluation,
  failAbandonedEvaluations,
  finishReplayEvaluation,
  listReplayEvaluations,
  loadCompletedEvaluationResults,
  loadReplayEvaluation,
  loadReplayEvaluationItems,
  recordItemResult,
  releaseReplayEvaluation,
  renewEvaluationLease,
  REPLAY_EVALUATION_STATUSES,
  type ClaimedEvaluation,
  type ItemResult,
  type NewReplayEvaluation,
  type ReplayEvaluationStatus,
} from './replay-evaluations/replay-evaluations.ts';
export { sampleCapturedPrompts, type SampledPrompt } from './replay-evaluations/sample-captured-prompts.ts';
