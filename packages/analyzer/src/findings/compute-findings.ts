import { DEFAULT_CATALOG, type Catalog } from '../catalog/build-catalog.ts';
import { CAPABILITY_QUERY_TYPES, type CapabilityQueryType } from '../catalog/catalog-types.ts';
import { formatUsd } from '../prices/money.ts';
import type { PriceOverride } from '../prices/price-types.ts';
import { aggregateRollups, type UsageGroup } from './aggregate-rollups.ts';
import { buildFinding } from './build-finding.ts';
import { createEvidenceContext } from './evidence-context.ts';
import { findObservedFailures } from './find-observed-failures.ts';
import { findOverpaying } from './find-overpaying.ts';
import { findUnderbidding } from './find-underbidding.ts';
import type { FindingDraft, NoFinding } from './finding-draft.ts';
import { DEFAULT_FINDINGS_OPTIONS, type FeatureEvidence, type FindingsOptions } from './findings-options.ts';
import type { Finding, FindingsResult, SkippedGroup } from './findings-types.ts';
import { createGroupContext, type GroupContext } from './group-context.ts';
import { createModelIdentity } from './model-identity.ts';
import { createRateBook } from './model-rates.ts';
import type { RollupRow } from './rollup-row.ts';

/** The input of {@link computeFindings}. */
export interface ComputeFindingsInput {
  /** Rollup rows (validated with `parseRollupRows` at the boundary); rows outside `period` are ignored. */
  readonly rows: readonly RollupRow[];
  /** The window the rows cover, `[start, end)`: spend is scaled from it to a month. */
  readonly period: { readonly start: Date; readonly end: Date };
  readonly catalog?: Catalog;
  /** The project's and its organization's price overrides. */
  readonly priceOverrides?: readonly PriceOverride[];
  /** When recommended models are priced; defaults to `period.end`. */
  readonly priceAt?: Date;
  /** The project's own per-feature evidence (used with `byFeature`). */
  readonly featureEvidence?: readonly FeatureEvidence[];
  readonly options?: Partial<FindingsOptions>;
}

const CAPABILITY_TYPES: ReadonlySet<string> = new Set(CAPABILITY_QUERY_TYPES);
const KIND_ORDER = { underbidding: 0, overpaying: 1 } as const;
// When no finding is made, the reason shown is the most telling one.
const NO_FINDING_ORDER: readonly NoFinding[] = ['conflicting_evidence', 'unpriced', 'no_evidence', 'no_better_option'];

/**
 * Finds overpaying and underbidding in a project's rollups: per query type (and feature,
 * with `byFeature`) and model, whether the calls should move to another model, with the
 * calls and spend affected, the estimated monthly saving or extra cost as a range, the
 * quality change with its source, a confidence and the method. At most one finding per
 * group, in this order: below a quality floor, behind a reachable tier, failing more often
 * on observed calls, overpaying. Pure and deterministic: same input, same output.
 *
 * Works from aggregates only: one pass over the rows, then work per group (a few hundred
 * groups for a project with 10M calls), so 300k rollup rows take well under a second.
 */
export function computeFindings(input: ComputeFindingsInput): FindingsResult {
  const options: FindingsOptions = { ...DEFAULT_FINDINGS_OPTIONS, ...input.options };
  const catalog = input.catalog ?? DEFAULT_CATALOG;
  const identify = createModelIdentity(catalog);
  const aggregate = aggregateRollups(input.rows, { period: input.period, byFeature: options.byFeature, environments: options.environments, bucketAlignment: options.bucketAlignment, identify });
  const moveContext = {
    rateBook: createRateBook(input.priceAt ?? input.period.end, input.priceOverrides ?? []),
    periodDays: aggregate.buckets.days,
    bucketCount: aggregate.buckets.count,
    daysPerBucket: aggregate.buckets.daysPerBucket,
    minObservedCalls: options.minObservedCalls,
  };
  const evidenceFor = createEvidenceContext(input.featureEvidence ?? [], identify);

  const found: { finding: Finding; saving: number }[] = [];
  const skipped: SkippedGroup[] = [];
  for (const group of aggregate.groups) {
    const skip = (reason: SkippedGroup['reason'], detail: string) => skipped.push(skippedOf(group, reason, detail));
    if (!CAPABILITY_TYPES.has(group.queryType)) {
      skip('unknown_query_type', `query type "${group.queryType}" has no capability evidence`);
      continue;
    }
    if (group.totals[0]! < options.minCalls) {
      skip('too_few_calls', `${group.totals[0]} calls, fewer than ${options.minCalls}`);
      continue;
    }
    const queryType = group.queryType as CapabilityQueryType;
    const context = createGroupContext(group, queryType, {
      catalog,
      aggregate,
      options,
      evidence: group.entry ? evidenceFor(queryType, group.feature, group.entry) : null,
      moveContext,
    });
    const outcome = firstFinding(context);
    if ('draft' in outcome) {
      const finding = buildFinding(outcome.draft, context, aggregate.buckets.days);
      found.push({ finding, saving: outcome.draft.estimate.monthlySaving.point });
    } else if (group.entry === null) {
      skip('not_in_catalog', `${group.identity} is not in the model catalog; add it with a catalog override`);
    } else {
      skip(outcome.reason, detailOf(outcome.reason, context));
    }
  }

  found.sort(
    (a, b) =>
      KIND_ORDER[a.finding.kind] - KIND_ORDER[b.finding.kind] || b.saving - a.saving || (a.finding.id < b.finding.id ? -1 : 1),
  );
  return {
    period: { start: input.period.start, end: input.period.end, days: aggregate.buckets.days },
    findings: found.map((f) => f.finding),
    skipped,
    totals: {
      calls: aggregate.totals.calls,
      unpricedCalls: aggregate.totals.unpricedCalls,
      spendUsd: formatUsd(aggregate.totals.spendE10),
    },
  };
}

function firstFinding(context: GroupContext): { draft: FindingDraft } | { reason: NoFinding } {
  const reasons: NoFinding[] = [];
  for (const finder of [findUnderbidding, findObservedFailures, findOverpaying]) {
    const outcome = finder(context);
    if (typeof outcome !== 'string') return { draft: outcome };
    reasons.push(outcome);
  }
  return { reason: NO_FINDING_ORDER.find((reason) => reasons.includes(reason)) ?? 'no_better_option' };
}

function detailOf(reason: NoFinding, context: GroupContext): string {
  const id = context.group.identity;
  const capability = context.evidence?.capability;
  switch (reason) {
    case 'conflicting_evidence': {
      const benchmarks = capability?.status === 'evidence' ? capability.benchmarks.filter((b) => b.conflicting) : [];
      return `sources disagree for ${id} on ${benchmarks.map((b) => `${b.benchmark} (${b.low}–${b.high})`).join(', ')}; no headline score, so no advice`;
    }
    case 'no_evidence':
      return capability?.status === 'no_evidence' ? capability.reason : `no ${context.queryType} evidence for ${id}`;
    case 'unpriced':
      return `the calls of ${id} have no price, so no saving can be estimated`;
    case 'no_better_option':
      return `no model is cheaper within ${context.options.tolerancePoints} points, or clearly better, on the evidence`;
  }
}

function skippedOf(group: UsageGroup, reason: SkippedGroup['reason'], detail: string): SkippedGroup {
  const spelling = [...group.spellings.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return {
    queryType: group.queryType,
    feature: group.feature,
    provider: group.provider,
    model: spelling ?? group.identity,
    calls: group.totals[0]!,
    spendUsd: formatUsd(group.spendE10),
    reason,
    detail,
  };
}
