import type { FailureStats } from './findings-types.ts';
import { F, type UsageStats } from './usage-stats.ts';

const Z_95 = 1.959963984540054;

/** The Wilson 95% interval of `failures / calls`, in percentage points. */
function wilsonPoints(failures: number, calls: number): { low: number; high: number } {
  if (calls <= 0) return { low: 0, high: 100 };
  const p = failures / calls;
  const z2 = Z_95 * Z_95;
  const denominator = 1 + z2 / calls;
  const centre = (p + z2 / (2 * calls)) / denominator;
  const half = (Z_95 * Math.sqrt((p * (1 - p)) / calls + z2 / (4 * calls * calls))) / denominator;
  return { low: Math.max(0, (centre - half) * 100), high: Math.min(100, (centre + half) * 100) };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Error and truncation (finish_reason length / max_tokens) rates of a model on a query
 * type, and their sum as a failure rate with its Wilson 95% interval. Calls that both
 * errored and were truncated would count twice; the rate is capped at 100%.
 */
export function failureStats(stats: UsageStats): FailureStats {
  const calls = stats.totals[F.calls]!;
  const errors = stats.totals[F.errors]!;
  const truncations = stats.totals[F.truncations]!;
  const failures = Math.min(calls, errors + truncations);
  const interval = wilsonPoints(failures, calls);
  return {
    calls,
    errorRate: calls > 0 ? errors / calls : 0,
    truncationRate: calls > 0 ? truncations / calls : 0,
    failureRate: {
      low: round2(interval.low),
      point: round2(calls > 0 ? (failures / calls) * 100 : 0),
      high: round2(interval.high),
    },
  };
}

/**
 * True when `worse` fails clearly more often than `better`: by at least `marginPoints` at
 * the point estimates, and with intervals that do not overlap.
 */
export function failsMoreOften(worse: FailureStats, better: FailureStats, marginPoints: number): boolean {
  return (
    worse.failureRate.point - better.failureRate.point >= marginPoints && worse.failureRate.low > better.failureRate.high
  );
}
