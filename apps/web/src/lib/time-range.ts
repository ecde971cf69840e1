import { z } from 'zod';
import type { TimeRange } from '@tierlens/analyzer';

export type { TimeRange };

/** Range presets of the time-range picker. */
export const RANGE_PRESETS = ['24h', '7d', '30d', '90d'] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number];
export const ZRangePreset = z.enum(RANGE_PRESETS);

const HOUR = 3_600_000;
const PRESET_MS: Record<RangePreset, number> = { '24h': 24 * HOUR, '7d': 7 * 24 * HOUR, '30d': 30 * 24 * HOUR, '90d': 90 * 24 * HOUR };

/** The tRPC input of a time range (`[from, to)`, at most 400 days): the analyzer's {@link TimeRange}. */
export const ZTimeRange = z
  .object({ from: z.coerce.date(), to: z.coerce.date() })
  .refine((r) => r.from < r.to, { message: '`from` must be before `to`' })
  .refine((r) => r.to.getTime() - r.from.getTime() <= 400 * 24 * HOUR, { message: 'A range may span at most 400 days' }) satisfies z.ZodType<TimeRange>;

/** The range a preset means at `now`, ending at the next full hour so the current hour counts. */
export function rangeOf(preset: RangePreset, now = Date.now()): TimeRange {
  const to = Math.ceil((now + 1) / HOUR) * HOUR;
  return { from: new Date(to - PRESET_MS[preset]), to: new Date(to) };
}

/** The period of equal length just before `range` (for week-over-week style changes). */
export function previousRange(range: TimeRange): TimeRange {
  const len = range.to.getTime() - range.from.getTime();
  return { from: new Date(range.from.getTime() - len), to: range.from };
}

/** Day buckets for ranges over two days, hour buckets otherwise. */
export function bucketOf(range: TimeRange): 'hour' | 'day' {
  return range.to.getTime() - range.from.getTime() > 2 * 24 * HOUR ? 'day' : 'hour';
}

export const RANGE_LABELS: Record<RangePreset, string> = { '24h': 'Last 24 hours', '7d': 'Last 7 days', '30d': 'Last 30 days', '90d': 'Last 90 days' };
