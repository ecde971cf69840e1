import type { EvidenceCitation, ModelTier } from '../catalog/catalog-types.ts';
import type { QueryType } from '../query-types/query-type.ts';

/** How sure a finding is; see the README's "Findings and rules" for what lowers it. */
export type Confidence = 'high' | 'medium' | 'low';

/** The confidence levels, best first. */
export const CONFIDENCE_LEVELS: readonly Confidence[] = ['high', 'medium', 'low'];

/** An estimated amount in US dollars as decimal strings: `low ≤ point ≤ high`. */
export interface UsdRange {
  readonly low: string;
  readonly point: string;
  readonly high: string;
}

/** A difference in benchmark points (or in failure-rate points), `low ≤ point ≤ high`. */
export interface PointsRange {
  readonly low: number;
  readonly point: number;
  readonly high: number;
}

/** Where a score came from. */
export interface ScoreSource {
  /** The full citation in one line. */
  readonly source: string;
  readonly date: string;
  readonly note: string | null;
  /** The source in detail (publisher, document or repository at a commit, harness, licence, short label); null for user evidence without one. */
  readonly citation: EvidenceCitation | null;
}

/** One model's score on the benchmark a finding compares on. */
export interface ScoreEvidence {
  readonly low: number;
  readonly high: number;
  readonly point: number | null;
  /** The smallest number of items behind the sources, when known. */
  readonly sampleSize: number | null;
  readonly sources: readonly ScoreSource[];
}

/** The expected quality change of following a finding, and what it rests on. */
export interface QualityChange {
  /**
   * `benchmark`: catalog evidence for the query type; `project_eval`: the project's own
   * per-feature evidence (`featureEvidence`); `observed`: failure rates in the rollups.
   */
  readonly source: 'benchmark' | 'project_eval' | 'observed';
  /** The benchmark (or observed measure) both models were compared on. */
  readonly benchmark: string;
  /** Recommended minus current, in points; the range comes from both models' ranges. */
  readonly deltaPoints: PointsRange;
  readonly current: ScoreEvidence;
  readonly recommended: ScoreEvidence;
}

/** How the cost of the recommended model was estimated. */
export type CostMethod = 'observed_tokens' | 'price_ratio';

/** The cost side of a finding. */
export interface CostEstimate {
  readonly method: CostMethod;
  /** One sentence on how the estimate was made, for the page. */
  readonly description: string;
  /** The current model's observed spend per priced call in the period. */
  readonly currentPerCallUsd: string;
  /** The recommended model's estimated cost per call at `priceAt`. */
  readonly projectedPerCallUsd: string;
  /** Recommended ÷ current tokens per call on the query type (observed method only). */
  readonly tokenRatio: { readonly input: number; readonly output: number } | null;
  /** The price version the recommended model was priced with. */
  readonly priceVersion: string;
}

/** Errors and truncations (finish_reason length) of one model on one query type. */
export interface FailureStats {
  readonly calls: number;
  readonly errorRate: number;
  readonly truncationRate: number;
  /** (errors + truncations) ÷ calls, capped at 1, with its Wilson 95% interval. */
  readonly failureRate: PointsRange;
}

/** Calls and spend a finding covers in the period, and per month at the period's rate. */
export interface AffectedUsage {
  readonly calls: number;
  /** Calls without a price: left out of spend and savings. */
  readonly unpricedCalls: number;
  readonly spendUsd: string;
  readonly monthlyCalls: number;
  readonly monthlySpendUsd: string;
  /** The largest features by spend (`''` is no feature), at most 10. */
  readonly byFeature: readonly { readonly feature: string; readonly calls: number; readonly spendUsd: string }[];
}

/** Why a finding was made. */
export type FindingReason =
  /** A cheaper model scores within the tolerance on the query type's evidence. */
  | 'within_tolerance'
  /** The model scores below the query type's quality floor. */
  | 'below_floor'
  /** A model of a higher tier, from a provider the project can reach, scores far higher. */
  | 'behind_reachable_tier'
  /** The model fails (errors, truncations) clearly more often than another on the same traffic. */
  | 'observed_failures';

/** A model in a finding. */
export interface FindingModel {
  readonly provider: string | null;
  /** The model id as it appears in the rollups (the most-called spelling) or the catalog id. */
  readonly model: string;
  readonly catalogId: string | null;
  readonly tier: ModelTier | null;
}

/**
 * One piece of advice: calls of a query type (and feature) on a model that should go to
 * another model, with the money and the quality at stake and how they were estimated.
 */
export interface Finding {
  /** Stable across runs on the same data: kind, query type, feature, provider, model, target. */
  readonly id: string;
  readonly kind: 'overpaying' | 'underbidding';
  readonly reason: FindingReason;
  readonly queryType: QueryType;
  /** The feature the finding is limited to, or null for all features. */
  readonly feature: string | null;
  readonly current: FindingModel & { readonly aliases: readonly string[] };
  readonly recommended: FindingModel;
  readonly affected: AffectedUsage;
  /** Estimated saving per month if the calls move: positive saves money, negative costs more. */
  readonly monthlySavingUsd: UsdRange;
  readonly cost: CostEstimate;
  readonly quality: QualityChange;
  readonly observed: { readonly current: FailureStats; readonly recommended: FailureStats | null };
  readonly confidence: Confidence;
  /** What lowered the confidence (empty when high). */
  readonly confidenceReasons: readonly string[];
  /** How the finding was made, in a few sentences. */
  readonly method: string;
}

/** A model × query type the analyzer looked at but could not advise on, and why. */
export interface SkippedGroup {
  readonly queryType: string;
  readonly feature: string | null;
  readonly provider: string | null;
  readonly model: string;
  readonly calls: number;
  readonly spendUsd: string;
  readonly reason:
    | 'unknown_query_type'
    | 'too_few_calls'
    | 'not_in_catalog'
    | 'no_evidence'
    | 'conflicting_evidence'
    | 'unpriced'
    | 'no_better_option';
  readonly detail: string;
}

/** The outcome of `computeFindings`. */
export interface FindingsResult {
  readonly period: { readonly start: Date; readonly end: Date; readonly days: number };
  /** Largest monthly saving first within each kind; underbidding before overpaying. */
  readonly findings: readonly Finding[];
  readonly skipped: readonly SkippedGroup[];
  /** Every call and priced spend in the period (after the environment filter). */
  readonly totals: { readonly calls: number; readonly unpricedCalls: number; readonly spendUsd: string };
}
