import { parseUsd } from '../prices/money.ts';
import type { RollupRow } from '../findings/rollup-row.ts';

export type SeriesDimension = 'model' | 'queryType' | 'feature';

export interface SpendSeries {
  /** Stack keys in order of total spend, largest first; the tail is folded into "other". */
  keys: string[];
  /** One point per bucket, from `from` to `to`, gaps filled with zeros. Values in USD. */
  points: Array<{ t: number } & Record<string, number>>;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Spend over time stacked by a dimension, ready for a stacked chart: buckets of a day (or an
 * hour for short ranges), the `top` largest keys and an "other" key for the rest.
 */
export function buildSpendSeries(
  rows: readonly RollupRow[],
  options: { by: SeriesDimension; from: Date; to: Date; bucket?: 'hour' | 'day'; top?: number },
): SpendSeries {
  const bucketMs = (options.bucket ?? 'day') === 'day' ? DAY : HOUR;
  const top = options.top ?? 6;
  const totals = new Map<string, bigint>();
  for (const r of rows) {
    const k = keyOf(r, options.by);
    totals.set(k, (totals.get(k) ?? 0n) + parseUsd(r.costUsd));
  }
  const ranked = [...totals.entries()].sort((a, b) => (b[1] > a[1] ? 1 : b[1] < a[1] ? -1 : a[0].localeCompare(b[0]))).map(([k]) => k);
  const keys = ranked.length > top ? [...ranked.slice(0, top), 'other'] : ranked;
  const kept = new Set(keys);
  const start = Math.floor(options.from.getTime() / bucketMs) * bucketMs;
  const end = options.to.getTime();
  const byBucket = new Map<number, Map<string, bigint>>();
  for (const r of rows) {
    const t = Math.floor(r.hour.getTime() / bucketMs) * bucketMs;
    const k = kept.has(keyOf(r, options.by)) ? keyOf(r, options.by) : 'other';
    const m = byBucket.get(t) ?? new Map<string, bigint>();
    m.set(k, (m.get(k) ?? 0n) + parseUsd(r.costUsd));
    byBucket.set(t, m);
  }
  const points: SpendSeries['points'] = [];
  for (let t = start; t < end; t += bucketMs) {
    const point: { t: number } & Record<string, number> = { t } as { t: number } & Record<string, number>;
    const m = byBucket.get(t);
    for (const k of keys) point[k] = m?.get(k) ? Number(m.get(k)!) / 1e10 : 0;
    points.push(point);
  }
  return { keys, points };
}

function keyOf(r: RollupRow, by: SeriesDimension): string {
  if (by === 'model') return r.model;
  if (by === 'queryType') return r.queryType;
  return r.feature || '(none)';
}
