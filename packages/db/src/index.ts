// Data access used by every app. Start-up concerns (embedded Postgres, migrations) live in
// `@tierlens/db/runtime` so the web bundle does not pull them in.
export { createDb, type Db } from './client.ts';
export { createApiKey, revokeApiKey, hashApiKey, generateApiKeySecret, type CreatedApiKey } from './api-keys.ts';
export { createOrganization, createProject, ROLES, type Role } from './organizations.ts';
export { Prisma } from './generated/prisma/client.ts';
export { PRICE_OVERRIDE_CACHE_MS } from './price-override-freshness.ts';

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
