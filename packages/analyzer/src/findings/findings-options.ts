import { z } from 'zod';
import type { BucketAlignment } from './aggregate-rollups.ts';
import { ZCapabilityEvidence, ZCapabilityQueryType, type CapabilityQueryType } from '../catalog/catalog-types.ts';
import { CATALOG_BENCHMARKS } from '../catalog/published-evidence.ts';
import { SWE_BENCH_BASH_ONLY } from '../catalog/swebench-bash-only.ts';

/** A minimum score on one benchmark below which a model is too weak for a query type. */
export const ZQualityFloor = z.object({ benchmark: z.string().min(1), minScore: z.number().min(0).max(100) });

/** See {@link ZQualityFloor}. */
export type QualityFloor = z.infer<typeof ZQualityFloor>;

/** Quality floors per query type. */
export type QualityFloors = Partial<Record<CapabilityQueryType, readonly QualityFloor[]>>;

/**
 * Default floors: roughly where the catalog's weakest budget models sit on each benchmark,
 * so only clearly weak choices are flagged. A product default, not a law: projects should
 * set their own (`options.qualityFloors`).
 */
export const DEFAULT_QUALITY_FLOORS: QualityFloors = {
  coding: [
    { benchmark: SWE_BENCH_BASH_ONLY, minScore: 40 },
    { benchmark: CATALOG_BENCHMARKS.sweBenchVendor, minScore: 40 },
  ],
  agentic: [{ benchmark: SWE_BENCH_BASH_ONLY, minScore: 40 }],
  math: [
    { benchmark: CATALOG_BENCHMARKS.gsm8k, minScore: 70 },
    { benchmark: CATALOG_BENCHMARKS.math500, minScore: 70 },
  ],
  expert_qa: [
    { benchmark: CATALOG_BENCHMARKS.gpqaDiamond, minScore: 50 },
    { benchmark: CATALOG_BENCHMARKS.mmlu, minScore: 70 },
  ],
};

/**
 * A project's own evidence for one feature of a query type (for example its eval set for
 * the support bot): used instead of the catalog for that feature when `byFeature` is on and
 * the current model has such evidence. Validate user input with this schema.
 */
export const ZFeatureEvidence = z.object({
  queryType: ZCapabilityQueryType,
  feature: z.string(),
  /** Provider of the model, when the evidence is for one host only. */
  provider: z.string().nullish().transform((v) => v ?? null),
  /** A model id; catalog models are matched with `lookupModel`. */
  model: z.string().trim().min(1),
  evidence: ZCapabilityEvidence,
});

/** See {@link ZFeatureEvidence}. */
export type FeatureEvidence = z.infer<typeof ZFeatureEvidence>;

/** Settings of `computeFindings`; every field has a default. */
export interface FindingsOptions {
  /** A cheaper model may score this many points below the current one (headline scores). */
  readonly tolerancePoints: number;
  /** A higher-tier model this many points better (and better across the ranges) is underbidding. */
  readonly gapPoints: number;
  readonly qualityFloors: QualityFloors;
  /** Make findings per query type × feature instead of per query type. */
  readonly byFeature: boolean;
  /**
   * Which providers' models may be recommended: `seen` (providers and makers already in the
   * rollups: the project has keys for them), `all`, or a list of canonical provider ids.
   */
  readonly candidateProviders: 'seen' | 'all' | readonly string[];
  /** Model × query type (× feature) groups with fewer calls in the period are not advised on. */
  readonly minCalls: number;
  /** Both models need this many calls on the query type for the observed-token method. */
  readonly minObservedCalls: number;
  /** Observed failure rates must differ by this many points (and their intervals not overlap). */
  readonly failureMarginPoints: number;
  /** Only rows of these environments (null: all). */
  readonly environments: readonly string[] | null;
  /**
   * Where the week (or day) buckets of the ranges start: at the period's start, or ending at
   * its last UTC midnight, so an app can sum each bucket from daily rollups (see `periodBuckets`).
   */
  readonly bucketAlignment: BucketAlignment;
}

/** The defaults of {@link FindingsOptions}. */
export const DEFAULT_FINDINGS_OPTIONS: FindingsOptions = {
  tolerancePoints: 2,
  gapPoints: 10,
  qualityFloors: DEFAULT_QUALITY_FLOORS,
  byFeature: false,
  candidateProviders: 'seen',
  minCalls: 30,
  minObservedCalls: 50,
  failureMarginPoints: 5,
  environments: null,
  bucketAlignment: 'period-start',
};
