import type { QueryType } from '../query-types/query-type.ts';

/** A call's query type as the automatic evidence decided it, before any person's correction. */
export interface AutoQueryType {
  readonly queryType: string;
  /** hint | sdk-classifier | tools | classifier | template | none */
  readonly source: string;
  readonly confidence: number;
}

/** Calls of one template the classifier typed with confidence, per query type. */
export type TemplateVotes = ReadonlyMap<string, number>;

/** Below this confidence a classifier's (or the app's own classifier's) answer is weak and the template's majority may replace it. */
export const WEAK_CLASSIFICATION_CONFIDENCE = 0.6;
/** A template needs this many confident calls before its majority is lent to weak ones. */
export const MIN_TEMPLATE_VOTES = 3;
/** ... and the majority type must hold this share of them. */
export const MIN_TEMPLATE_MAJORITY_SHARE = 0.6;

/** Whether a call's own classification is weak: `unknown`, or a classifier's answer below {@link WEAK_CLASSIFICATION_CONFIDENCE}. */
export function isWeakClassification(own: AutoQueryType): boolean {
  if (own.source === 'hint' || own.source === 'tools') return false;
  return own.queryType === 'unknown' || own.confidence < WEAK_CLASSIFICATION_CONFIDENCE;
}

/** Whether a call's own classification is strong enough to count as a vote for its template's type. */
export function isTemplateVote(own: AutoQueryType): boolean {
  return (own.source === 'classifier' || own.source === 'sdk-classifier') && !isWeakClassification(own);
}

/** A template's majority query type and its share of the votes, or null when there is no clear majority. */
export function templateMajority(votes: TemplateVotes | undefined): { queryType: QueryType; share: number; votes: number } | null {
  if (!votes) return null;
  let total = 0;
  let best: [string, number] | null = null;
  for (const [type, n] of [...votes.entries()].sort((a, b) => a[0].localeCompare(b[0]))) {
    total += n;
    if (type !== 'unknown' && (best === null || n > best[1])) best = [type, n];
  }
  if (best === null || total < MIN_TEMPLATE_VOTES) return null;
  const share = best[1] / total;
  if (share < MIN_TEMPLATE_MAJORITY_SHARE) return null;
  return { queryType: best[0] as QueryType, share, votes: total };
}

/**
 * A call's automatic query type with its template considered: a weakly classified call takes
 * the template's majority type (`source: 'template'`, confidence = the majority's share of the
 * template's confident calls); any other call keeps its own.
 */
export function inheritTemplateQueryType(own: AutoQueryType, votes: TemplateVotes | undefined): AutoQueryType {
  if (!isWeakClassification(own)) return own;
  const majority = templateMajority(votes);
  if (majority === null) return own;
  return { queryType: majority.queryType, source: 'template', confidence: Math.round(majority.share * 1000) / 1000 };
}
