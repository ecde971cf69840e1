export { MIN_TEMPLATE_CHARS, fnv1a64, instructionRegion, normalizeInstructions, promptTemplateFingerprint } from './prompt-template-fingerprint.ts';
export {
  MIN_TEMPLATE_MAJORITY_SHARE,
  MIN_TEMPLATE_VOTES,
  WEAK_CLASSIFICATION_CONFIDENCE,
  inheritTemplateQueryType,
  isTemplateVote,
  isWeakClassification,
  templateMajority,
} from './template-query-type.ts';
export type { AutoQueryType, TemplateVotes } from './template-query-type.ts';
export { ZActiveCorrection, ZCorrectionTarget, correctionMatches, pickCorrection } from './query-type-correction.ts';
export type { ActiveCorrection, CorrectableCall, CorrectionTarget } from './query-type-correction.ts';
