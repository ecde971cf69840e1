import { parseUsd } from '../prices/money.ts';
import type { RollupRow } from './rollup-row.ts';

/** Offsets of the fields in a {@link UsageStats} vector. */
export const F = {
  calls: 0,
  pricedCalls: 1,
  /** Priced spend in USD (a float: only for estimates; exact sums are kept as bigints). */
  spend: 2,
  input: 3,
  output: 4,
  cacheRead: 5,
  cacheWrite: 6,
  reasoning: 7,
  errors: 8,
  truncations: 9,
} as const;

/** Number of fields in a stats vector. */
export const FIELD_COUNT = 10;

/** Sums of rollup rows: a total vector and one vector per time bucket. */
export interface UsageStats {
  readonly totals: Float64Array;
  /** `bucketCount × FIELD_COUNT` values: bucket `b` starts at `b × FIELD_COUNT`. */
  readonly buckets: Float64Array;
  /** Exact priced spend in USD E10 units. */
  spendE10: bigint;
}

/** A fresh, empty {@link UsageStats}. */
export function emptyUsageStats(bucketCount: number): UsageStats {
  return { totals: new Float64Array(FIELD_COUNT), buckets: new Float64Array(bucketCount * FIELD_COUNT), spendE10: 0n };
}

/** Adds one row (its exact spend already parsed) to `stats`, and to bucket `bucket` when ≥ 0. */
export function addRow(stats: UsageStats, row: RollupRow, spendE10: bigint, spend: number, bucket: number): void {
  stats.spendE10 += spendE10;
  addTo(stats.totals, 0, row, spend);
  if (bucket >= 0) addTo(stats.buckets, bucket * FIELD_COUNT, row, spend);
}

function addTo(v: Float64Array, o: number, row: RollupRow, spend: number): void {
  v[o + F.calls]! += row.calls;
  v[o + F.pricedCalls]! += row.calls - row.unpricedCalls;
  v[o + F.spend]! += spend;
  v[o + F.input]! += row.inputTokens;
  v[o + F.output]! += row.outputTokens;
  v[o + F.cacheRead]! += row.cacheReadTokens;
  v[o + F.cacheWrite]! += row.cacheWriteTokens;
  v[o + F.reasoning]! += row.reasoningTokens;
  v[o + F.errors]! += row.errorCalls;
  v[o + F.truncations]! += row.truncatedCalls;
}

/** The vector of bucket `b` (a view, not a copy). */
export function bucketOf(stats: UsageStats, b: number): Float64Array {
  return stats.buckets.subarray(b * FIELD_COUNT, (b + 1) * FIELD_COUNT);
}

/** An exact sum of USD amounts: a float integer of USD E10 below 2^52, flushed into a bigint. */
export interface UsdSum {
  small: number;
  big: bigint;
}

const FLUSH_AT = 2 ** 52;
// Amounts with ≤ 10 decimals below this convert exactly: the error of parsing and scaling a
// double is below n × 2^-52 E10 units, under ½ while n < 2^51 (about $225k).
const SMALL_USD = 200_000;

/**
 * Adds a decimal USD amount (a validated `costUsd`, ≤ 10 decimals) to an exact sum and
 * returns it as a float for estimates. Avoids a bigint per row: rollups have many rows.
 */
export function addUsd(sum: UsdSum, text: string): number {
  const value = +text;
  if (value < SMALL_USD) {
    const e10 = Math.round(value * 1e10);
    sum.small += e10;
    if (sum.small > FLUSH_AT) {
      sum.big += BigInt(sum.small);
      sum.small = 0;
    }
    return e10 / 1e10;
  }
  const exact = parseUsd(text);
  sum.big += exact;
  return Number(exact) / 1e10;
}

/** The exact total of a {@link UsdSum} in USD E10 units. */
export function usdSumE10(sum: UsdSum): bigint {
  return sum.big + BigInt(sum.small);
}

/** Nested maps, one level per row dimension: finds a row's slot without building a key string. */
export type Level<T> = Map<string, T>;

/** The map under `key` in `level`, created when missing. */
export function child<T>(level: Level<Level<T>>, key: string): Level<T> {
  let found = level.get(key);
  if (found === undefined) {
    found = new Map();
    level.set(key, found);
  }
  return found;
}
