import type { CapabilityQueryType, CatalogEntry, CapabilityEvidence } from './catalog-types.ts';

/** All evidence for one benchmark, combined. */
export interface BenchmarkCapability {
  readonly benchmark: string;
  /** The envelope of the evidence ranges: lowest low and highest high. */
  readonly low: number;
  readonly high: number;
  /** The mean headline score, or null when there is none or the sources disagree. */
  readonly point: number | null;
  /** True when two sources' ranges do not overlap (e.g. different harnesses or a wrong figure). */
  readonly conflicting: boolean;
  readonly evidence: readonly CapabilityEvidence[];
}

/** What the catalog knows of a model's capability on one query type. */
export type Capability =
  | {
      readonly status: 'evidence';
      readonly queryType: CapabilityQueryType;
      /** One per benchmark, most comparable first (the order of the entry's evidence). */
      readonly benchmarks: readonly BenchmarkCapability[];
    }
  | { readonly status: 'no_evidence'; readonly queryType: CapabilityQueryType; readonly reason: string };

/**
 * Summarizes a model's evidence for a query type, per benchmark. A missing model or
 * query type gives `no_evidence`: the catalog never fills a gap with a tier's typical
 * score, so no finding is made on a quality difference nobody measured. Users can add
 * their own evidence with `buildCatalog` overrides.
 */
export function getCapability(entry: CatalogEntry | null, queryType: CapabilityQueryType): Capability {
  if (entry === null) return { status: 'no_evidence', queryType, reason: 'the model is not in the catalog' };
  const items = entry.evidence[queryType] ?? [];
  if (items.length === 0) {
    return { status: 'no_evidence', queryType, reason: `no ${queryType} evidence for ${entry.id}` };
  }
  const groups = new Map<string, CapabilityEvidence[]>();
  for (const item of items) groups.set(item.benchmark, [...(groups.get(item.benchmark) ?? []), item]);
  const benchmarks = [...groups.entries()].map(([benchmark, evidence]): BenchmarkCapability => {
    const low = Math.min(...evidence.map((e) => e.score.low));
    const high = Math.max(...evidence.map((e) => e.score.high));
    const conflicting = evidence.some((a) => evidence.some((b) => a.score.high < b.score.low));
    const points = evidence.map((e) => e.score.point).filter((p): p is number => p !== null);
    const point =
      conflicting || points.length === 0 ? null : Math.round((points.reduce((x, y) => x + y, 0) / points.length) * 100) / 100;
    return { benchmark, low, high, point, conflicting, evidence };
  });
  return { status: 'evidence', queryType, benchmarks };
}
