import type { CatalogEntry } from '../catalog/catalog-types.ts';
import type { ModelIdentity } from './model-identity.ts';
import type { RollupRow } from './rollup-row.ts';
import { addRow, addUsd, child, emptyUsageStats, usdSumE10, type Level, type UsageStats, type UsdSum } from './usage-stats.ts';

const DAY_MS = 86_400_000;

/** How the period's buckets are laid out: from its start, or ending at the last UTC midnight. */
export type BucketAlignment = 'period-start' | 'utc-midnight';

/** The period's time buckets, used to turn week-to-week variation into ranges. */
export interface PeriodBuckets {
  readonly start: number;
  readonly end: number;
  readonly days: number;
  /** Start of the first whole bucket (the period's start unless aligned to UTC midnight). */
  readonly firstBucketStart: number;
  /** Whole buckets in the period (partial buckets at either end are left out of ranges). */
  readonly count: number;
  readonly daysPerBucket: number;
}

/**
 * Weeks for periods of two weeks or more, days for periods of two days or more, none
 * below: enough buckets to see variation, long enough to smooth weekday/weekend cycles.
 * `period-start` lays them from the period's start; `utc-midnight` makes them end at the last
 * UTC midnight of the period, so every bucket is whole UTC days and can be summed from daily
 * rollups (the partial days at both ends still count in totals, not in ranges).
 */
export function periodBuckets(period: { start: Date; end: Date }, alignment: BucketAlignment = 'period-start'): PeriodBuckets {
  const start = period.start.getTime();
  const end = period.end.getTime();
  if (!(end > start)) throw new RangeError('period.end must be after period.start');
  const days = (end - start) / DAY_MS;
  const daysPerBucket = days >= 14 ? 7 : days >= 2 ? 1 : 0;
  if (daysPerBucket === 0) return { start, end, days, firstBucketStart: start, count: 0, daysPerBucket };
  const bucketMs = daysPerBucket * DAY_MS;
  if (alignment === 'period-start') return { start, end, days, firstBucketStart: start, count: Math.floor(days / daysPerBucket), daysPerBucket };
  const lastEdge = Math.floor(end / DAY_MS) * DAY_MS;
  const count = lastEdge > start ? Math.floor((lastEdge - start) / bucketMs) : 0;
  return { start, end, days, firstBucketStart: lastEdge - count * bucketMs, count, daysPerBucket };
}

/** Calls of one query type (× feature) on one model at one provider. */
export interface UsageGroup extends UsageStats {
  readonly key: string;
  readonly queryType: string;
  /** The feature when grouping by feature, else null. */
  readonly feature: string | null;
  /** Canonical provider, null when the rollups do not say. */
  readonly provider: string | null;
  readonly identity: string;
  readonly entry: CatalogEntry | null;
  /** Raw model spellings with their calls. */
  readonly spellings: Map<string, number>;
  /** Calls and exact spend per feature. */
  readonly features: Map<string, { calls: number; spendE10: bigint }>;
}

/** A model seen in the rollups, under its most-called provider and spelling. */
export interface SeenModel {
  readonly identity: string;
  readonly provider: string | null;
  readonly model: string;
  readonly entry: CatalogEntry | null;
  readonly calls: number;
}

/** Rollups summed the ways the findings need them. */
export interface RollupAggregate {
  readonly buckets: PeriodBuckets;
  /** Sorted by key, so everything downstream is deterministic. */
  readonly groups: readonly UsageGroup[];
  /** Per query type × model identity (all features and providers): tokens per call, failures. */
  readonly byQueryTypeModel: ReadonlyMap<string, UsageStats>;
  /** Per model identity: its most-called provider and spelling. */
  readonly models: ReadonlyMap<string, SeenModel>;
  /** Canonical providers in the rollups, and the makers of the catalog models seen. */
  readonly seenProviders: ReadonlySet<string>;
  readonly totals: { calls: number; unpricedCalls: number; spendE10: bigint };
}

interface Slot {
  readonly group: UsageGroup;
  readonly model: UsageStats;
  readonly spelling: string;
  readonly feature: string;
  calls: number;
  readonly spend: UsdSum;
}

/** The key of {@link RollupAggregate.byQueryTypeModel}. */
export function queryTypeModelKey(queryType: string, identity: string): string {
  return `${queryType}\u0000${identity}`;
}

/** Sums rollup rows in `[period.start, period.end)` per group, per query type × model and per bucket. */
export function aggregateRollups(
  rows: readonly RollupRow[],
  settings: {
    readonly period: { start: Date; end: Date };
    readonly byFeature: boolean;
    readonly environments: readonly string[] | null;
    readonly bucketAlignment: BucketAlignment;
    readonly identify: (provider: string | null, model: string) => ModelIdentity;
  },
): RollupAggregate {
  const buckets = periodBuckets(settings.period, settings.bucketAlignment);
  const bucketMs = buckets.daysPerBucket * DAY_MS;
  const environments = settings.environments ? new Set(settings.environments) : null;
  const groups = new Map<string, UsageGroup>();
  const byQueryTypeModel = new Map<string, UsageStats>();
  const seenProviders = new Set<string>();
  const totals = { calls: 0, unpricedCalls: 0, spendE10: 0n };

  // One slot per distinct row dimension (a few hundred), found through nested maps (no key
  // string per row); exact spend is kept as a float integer of USD E10 until it nears 2^53.
  const slots: Slot[] = [];
  const root: Level<Level<Level<Level<Level<Slot | null>>>>> = new Map();
  for (const row of rows) {
    const time = row.hour.getTime();
    if (time < buckets.start || time >= buckets.end) continue;
    const l1 = child(root, row.queryType);
    const l2 = child(l1, row.feature);
    const l3 = child(l2, row.provider);
    const l4 = child(l3, row.model);
    let slot = l4.get(row.environment);
    if (slot === undefined) {
      slot = environments && !environments.has(row.environment) ? null : openSlot(row);
      l4.set(row.environment, slot);
      if (slot) slots.push(slot);
    }
    if (slot === null) continue;
    const spend = addUsd(slot.spend, row.costUsd);
    const raw = bucketMs > 0 ? Math.floor((time - buckets.firstBucketStart) / bucketMs) : -1;
    const bucket = raw >= 0 && raw < buckets.count ? raw : -1;
    slot.calls += row.calls;
    addRow(slot.group, row, 0n, spend, bucket);
    addRow(slot.model, row, 0n, spend, bucket);
    totals.calls += row.calls;
    totals.unpricedCalls += row.unpricedCalls;
  }
  for (const slot of slots) {
    const spendE10 = usdSumE10(slot.spend);
    totals.spendE10 += spendE10;
    slot.group.spendE10 += spendE10;
    slot.model.spendE10 += spendE10;
    slot.group.spellings.set(slot.spelling, (slot.group.spellings.get(slot.spelling) ?? 0) + slot.calls);
    const perFeature = slot.group.features.get(slot.feature);
    if (perFeature) {
      perFeature.calls += slot.calls;
      perFeature.spendE10 += spendE10;
    } else {
      slot.group.features.set(slot.feature, { calls: slot.calls, spendE10 });
    }
  }

  function openSlot(row: RollupRow): Slot {
    const id = settings.identify(row.provider === '' ? null : row.provider, row.model);
    const feature = settings.byFeature ? row.feature : null;
    const key = `${row.queryType}\u0000${feature ?? ''}\u0000${id.provider ?? ''}\u0000${id.identity}`;
    let group = groups.get(key);
    if (group === undefined) {
      if (id.provider) seenProviders.add(id.provider);
      if (id.entry) seenProviders.add(id.entry.provider);
      group = {
        ...emptyUsageStats(buckets.count),
        key,
        queryType: row.queryType,
        feature,
        provider: id.provider,
        identity: id.identity,
        entry: id.entry,
        spellings: new Map(),
        features: new Map(),
      };
      groups.set(key, group);
    }
    const modelKey = queryTypeModelKey(row.queryType, id.identity);
    let model = byQueryTypeModel.get(modelKey);
    if (model === undefined) {
      model = emptyUsageStats(buckets.count);
      byQueryTypeModel.set(modelKey, model);
    }
    return { group, model, spelling: row.model, feature: row.feature, calls: 0, spend: { small: 0, big: 0n } };
  }

  const sorted = [...groups.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const spellings = new Map<string, SeenModel & { calls: number }>();
  for (const group of sorted) {
    for (const [model, calls] of group.spellings) {
      const key = `${group.identity}\u0000${group.provider ?? ''}\u0000${model}`;
      const seen = spellings.get(key);
      if (seen) seen.calls += calls;
      else spellings.set(key, { identity: group.identity, provider: group.provider, model, entry: group.entry, calls });
    }
  }
  const models = new Map<string, SeenModel>();
  for (const seen of [...spellings.values()].sort((a, b) => b.calls - a.calls)) {
    if (!models.has(seen.identity)) models.set(seen.identity, seen);
  }
  return { buckets, groups: sorted, byQueryTypeModel, models, seenProviders, totals };
}
