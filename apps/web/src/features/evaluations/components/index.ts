// The evaluations feature's components other features use (the Savings page starts and shows evaluations).
export { EvaluateForm, type EvaluationScope } from './evaluate-form';
export { EvaluationsPanel } from './evaluations-panel';
