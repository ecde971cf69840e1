import type { CapabilityQueryType, CatalogEntry } from './catalog-types.ts';
import { getCapability, type BenchmarkCapability } from './get-capability.ts';

/** How much better or worse `to` is than `from` on one query type, in benchmark points. */
export type CapabilityComparison =
  | {
      readonly status: 'compared';
      readonly queryType: CapabilityQueryType;
      readonly benchmark: string;
      readonly from: BenchmarkCapability;
      readonly to: BenchmarkCapability;
      /** to − from, from the ranges: the most pessimistic and most optimistic difference. */
      readonly deltaLow: number;
      readonly deltaHigh: number;
      /** to − from of the headline scores, or null when either has none. */
      readonly deltaPoint: number | null;
    }
  | {
      readonly status: 'no_evidence' | 'no_common_benchmark';
      readonly queryType: CapabilityQueryType;
      readonly reason: string;
    };

/**
 * Compares two models on a query type using only a benchmark both have evidence on (the
 * first of `from`'s benchmarks that `to` also has), never scores from different benchmarks
 * or harnesses. The difference is an interval (`to.low − from.high` to `to.high − from.low`),
 * so "−1.2 points" reads as "somewhere in [−9, +6]" when the evidence is that noisy.
 */
export function compareCapability(
  from: CatalogEntry | null,
  to: CatalogEntry | null,
  queryType: CapabilityQueryType,
): CapabilityComparison {
  const a = getCapability(from, queryType);
  const b = getCapability(to, queryType);
  if (a.status !== 'evidence') return { status: 'no_evidence', queryType, reason: a.reason };
  if (b.status !== 'evidence') return { status: 'no_evidence', queryType, reason: b.reason };
  for (const fromBenchmark of a.benchmarks) {
    const toBenchmark = b.benchmarks.find((candidate) => candidate.benchmark === fromBenchmark.benchmark);
    if (!toBenchmark) continue;
    const round = (value: number) => Math.round(value * 100) / 100;
    return {
      status: 'compared',
      queryType,
      benchmark: fromBenchmark.benchmark,
      from: fromBenchmark,
      to: toBenchmark,
      deltaLow: round(toBenchmark.low - fromBenchmark.high),
      deltaHigh: round(toBenchmark.high - fromBenchmark.low),
      deltaPoint:
        fromBenchmark.point === null || toBenchmark.point === null ? null : round(toBenchmark.point - fromBenchmark.point),
    };
  }
  return {
    status: 'no_common_benchmark',
    queryType,
    reason: `${from?.id} and ${to?.id} have no ${queryType} benchmark in common`,
  };
}
