export { ZRollupRow, parseRollupRows, type RollupRow } from './rollup-row.ts';
export { computeFindings, type ComputeFindingsInput } from './compute-findings.ts';
export {
  DEFAULT_FINDINGS_OPTIONS,
  DEFAULT_QUALITY_FLOORS,
  ZFeatureEvidence,
  ZQualityFloor,
  type FeatureEvidence,
  type FindingsOptions,
  type QualityFloor,
  type QualityFloors,
} from './findings-options.ts';
export {
  CONFIDENCE_LEVELS,
  type AffectedUsage,
  type Confidence,
  type CostEstimate,
  type CostMethod,
  type FailureStats,
  type Finding,
  type FindingModel,
  type FindingReason,
  type FindingsResult,
  type PointsRange,
  type QualityChange,
  type ScoreEvidence,
  type ScoreSource,
  type SkippedGroup,
  type UsdRange,
} from './findings-types.ts';
export { DAYS_PER_MONTH, PRICE_RATIO_TOKEN_FACTORS } from './estimate-move.ts';
export {
  ZEvalOutcome,
  buildFeatureEvidence,
  type BuildFeatureEvidenceOptions,
  type EvalOutcome,
} from './build-feature-evidence.ts';
export { createModelIdentity, type ModelIdentity } from './model-identity.ts';
export { periodBuckets, type BucketAlignment, type PeriodBuckets } from './aggregate-rollups.ts';
export { projectEvidence, type ProjectEvidenceScope } from './project-evidence.ts';
