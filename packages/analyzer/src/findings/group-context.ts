import type { Catalog } from '../catalog/build-catalog.ts';
import type { CapabilityQueryType, CatalogEntry, ModelTier } from '../catalog/catalog-types.ts';
import type { CapabilityComparison } from '../catalog/compare-capability.ts';
import type { BenchmarkCapability, Capability } from '../catalog/get-capability.ts';
import { queryTypeModelKey, type RollupAggregate, type SeenModel, type UsageGroup } from './aggregate-rollups.ts';
import { estimateMove, type MoveContext, type MoveEstimate } from './estimate-move.ts';
import type { GroupEvidence } from './evidence-context.ts';
import { failureStats } from './failure-stats.ts';
import type { FindingsOptions } from './findings-options.ts';
import type { FailureStats } from './findings-types.ts';

/** Tiers from weakest to strongest. */
export const TIER_RANK: Readonly<Record<ModelTier, number>> = { local: 0, budget: 1, production: 2, frontier: 3 };

/** A model that calls could move to, and where it would be priced. */
export interface Candidate {
  readonly identity: string;
  readonly entry: CatalogEntry | null;
  /** The provider it would be called (and priced) at. */
  readonly provider: string | null;
  /** The id to call it by. */
  readonly model: string;
}

/** Everything the finders need about one group. */
export interface GroupContext {
  readonly group: UsageGroup;
  readonly queryType: CapabilityQueryType;
  readonly options: FindingsOptions;
  readonly aggregate: RollupAggregate;
  /** Null when the current model is not in the catalog. */
  readonly evidence: GroupEvidence | null;
  /** Catalog models the calls could move to (providers filtered by `candidateProviders`). */
  readonly candidates: readonly Candidate[];
  readonly currentFailures: FailureStats;
  /** Failure stats of a model on this query type when seen there often enough, else null. */
  readonly failuresOf: (identity: string) => FailureStats | null;
  /** Memoized cost estimate of moving the group's calls to a candidate. */
  readonly move: (candidate: Candidate) => MoveEstimate | null;
}

/** Builds a group's context. */
export function createGroupContext(
  group: UsageGroup,
  queryType: CapabilityQueryType,
  settings: {
    readonly catalog: Catalog;
    readonly aggregate: RollupAggregate;
    readonly options: FindingsOptions;
    readonly evidence: GroupEvidence | null;
    readonly moveContext: MoveContext;
  },
): GroupContext {
  const { aggregate, options } = settings;
  const statsOf = (identity: string) => aggregate.byQueryTypeModel.get(queryTypeModelKey(group.queryType, identity));
  const moves = new Map<string, MoveEstimate | null>();
  return {
    group,
    queryType,
    options,
    aggregate,
    evidence: settings.evidence,
    candidates: settings.catalog.entries
      .filter((entry) => entry.id !== group.identity && providerAllowed(entry.provider, options, aggregate))
      .map((entry) => candidateFor(entry, group)),
    currentFailures: failureStats(group),
    failuresOf: (identity) => {
      const stats = statsOf(identity);
      return stats && stats.totals[0]! >= options.minObservedCalls ? failureStats(stats) : null;
    },
    move: (candidate) => {
      const key = `${candidate.provider ?? ''}\u0000${candidate.model}`;
      if (!moves.has(key)) {
        moves.set(
          key,
          estimateMove(group.queryType, group, statsOf(group.identity), statsOf(candidate.identity), candidate, settings.moveContext),
        );
      }
      return moves.get(key) ?? null;
    },
  };
}

/** A model seen in the rollups as a candidate (for observed-failure findings). */
export function candidateFromSeen(seen: SeenModel): Candidate {
  return { identity: seen.identity, entry: seen.entry, provider: seen.provider ?? seen.entry?.provider ?? null, model: seen.entry?.id ?? seen.model };
}

function providerAllowed(provider: string, options: FindingsOptions, aggregate: RollupAggregate): boolean {
  if (options.candidateProviders === 'all') return true;
  if (options.candidateProviders === 'seen') return aggregate.seenProviders.has(provider);
  return options.candidateProviders.includes(provider);
}

// Same maker as the current model behind a reseller (Bedrock, Vertex, Azure): stay on that host.
function candidateFor(entry: CatalogEntry, group: UsageGroup): Candidate {
  const sameMaker = group.entry !== null && group.entry.provider === entry.provider;
  const host = sameMaker && group.provider !== null ? group.provider : entry.provider;
  return { identity: entry.id, entry, provider: host, model: entry.id };
}

/** A usable comparison: compared on a shared benchmark, neither side conflicting, with a point. */
export type UsableComparison = Extract<CapabilityComparison, { status: 'compared' }> & { readonly deltaPoint: number };

/** Narrows a comparison to a usable one. */
export function usable(comparison: CapabilityComparison): UsableComparison | null {
  if (comparison.status !== 'compared') return null;
  if (comparison.from.conflicting || comparison.to.conflicting || comparison.deltaPoint === null) return null;
  return comparison as UsableComparison;
}

/**
 * Whether a comparison rests on scores with a stated uncertainty on both sides: a range (an
 * interval from the source) or a known number of items. A bare point (LiveBench publishes no
 * interval and no item count in its table) can veto a finding but never decide one alone.
 */
export function hasUncertainty(comparison: UsableComparison): boolean {
  const measured = (b: BenchmarkCapability) => b.high > b.low || b.evidence.some((e) => e.sampleSize !== null);
  return measured(comparison.from) && measured(comparison.to);
}

/**
 * Every usable comparison of two capabilities, one per benchmark both have (in the current
 * model's order), so a finding can require that no shared benchmark disagrees.
 */
export function compareOnEveryShared(from: Capability, to: Capability, queryType: CapabilityQueryType): UsableComparison[] {
  if (from.status !== 'evidence' || to.status !== 'evidence') return [];
  return from.benchmarks.flatMap((own) => {
    const theirs = to.benchmarks.find((b) => b.benchmark === own.benchmark);
    const comparison = theirs ? compareOn(own, theirs, queryType) : null;
    return comparison ? [comparison] : [];
  });
}

/** Compares two benchmark results directly (for floors, which name their benchmark). */
export function compareOn(from: BenchmarkCapability, to: BenchmarkCapability, queryType: CapabilityQueryType): UsableComparison | null {
  if (from.point === null || to.point === null || from.conflicting || to.conflicting) return null;
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    status: 'compared',
    queryType,
    benchmark: from.benchmark,
    from,
    to,
    deltaLow: round(to.low - from.high),
    deltaHigh: round(to.high - from.low),
    deltaPoint: round(to.point - from.point),
  };
}
