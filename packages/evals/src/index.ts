// Replay evaluations on a project's own traffic, and the provider credentials they (and LLM
// labelling) call through.
export { callModel, UnpricedModelError, type CallModelOptions, type ModelAnswer, type ProviderAccess, type ReplayPrompt } from './call-model.ts';
export { combineOrders, exactMatchOutcome, judgePrompt, JUDGE_RUBRICS, parseVerdict, rubricFor } from './judge-pair.ts';
export { addProviderCredential, openProviderCredential, ZNewProviderCredential, type NewProviderCredential } from './provider-access.ts';
export { createReplayRunner, type ReplayRunner, type ReplayRunnerOptions, type RunnerTickResult } from './replay-runner.ts';
export { evaluationEvidence } from './evaluation-evidence.ts';
export { scoreEvaluation, type ItemOutcome, type ScoredItem } from './score-evaluation.ts';
export { decryptSecret, deriveCredentialsKey, encryptSecret, readCredentialsKey, type CredentialsKey } from './secret-box.ts';
export {
  parsePromptUpload,
  ReplayEvaluationInputError,
  startReplayEvaluation,
  ZStartReplayEvaluation,
  type StartReplayEvaluation,
} from './start-replay-evaluation.ts';
