import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOG } from './build-catalog.ts';
import { CAPABILITY_QUERY_TYPES, ZEvidenceCitation, type CapabilityEvidence, type CapabilityQueryType } from './catalog-types.ts';

const items: { id: string; queryType: CapabilityQueryType; evidence: CapabilityEvidence }[] = DEFAULT_CATALOG.entries.flatMap((entry) =>
  (Object.entries(entry.evidence) as [CapabilityQueryType, CapabilityEvidence[]][]).flatMap(([queryType, list]) =>
    list.map((evidence) => ({ id: entry.id, queryType, evidence })),
  ),
);

/** Query types without built-in evidence, and why; the README says the same. */
const WITHOUT_EVIDENCE: readonly CapabilityQueryType[] = ['classification'];

describe('built-in evidence sources', () => {
  it('has evidence to check', () => {
    expect(items.length).toBeGreaterThan(400);
  });

  it.each(items.map((item, i) => [`${item.id} ${item.queryType} ${item.evidence.benchmark} #${i}`, item]))(
    '%s names a public primary source: URL or repository at a commit, date, benchmark, harness, sample size or why not, licence',
    (_, { evidence }) => {
      const citation = ZEvidenceCitation.parse(evidence.citation);
      expect(citation.url !== null || (citation.repository !== null && citation.commit !== null)).toBe(true);
      if (citation.repository !== null) expect(citation.commit).toMatch(/^[0-9a-f]{40}$/);
      if (citation.url !== null) expect(citation.url).toMatch(/^https:\/\/[^/\s]+\.[a-z]+(\/|$)/);
      expect(evidence.date).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
      expect(evidence.benchmark.length).toBeGreaterThan(3);
      expect(citation.harness.length).toBeGreaterThan(10);
      expect(citation.licence.length).toBeGreaterThan(5);
      expect(citation.short).toMatch(/\d{4}-\d{2}$/);
      // A sample size, or a method that says why there is none.
      if (evidence.sampleSize === null) expect(evidence.method).toMatch(/not in the|no interval|not published/);
    },
  );

  it('never cites an internal document (research seeds, Tierlens notes, the shared folder)', () => {
    const internal = /seed|tierlens research|\.\.\/shared|\/work\/|data\/routing-backtest/i;
    const offending = items.filter(({ evidence }) => internal.test(`${evidence.source} ${evidence.note ?? ''} ${evidence.method ?? ''} ${JSON.stringify(evidence.citation)}`));
    expect(offending.map(({ id, evidence }) => `${id}: ${evidence.source}`)).toEqual([]);
  });

  it('has at least two benchmarks for every query type with evidence, and none only for the ones the README lists', () => {
    const benchmarks = new Map<CapabilityQueryType, Set<string>>();
    for (const { queryType, evidence } of items) benchmarks.set(queryType, (benchmarks.get(queryType) ?? new Set()).add(evidence.benchmark));
    const covered = CAPABILITY_QUERY_TYPES.filter((type) => benchmarks.has(type));
    expect(CAPABILITY_QUERY_TYPES.filter((type) => !benchmarks.has(type))).toEqual(WITHOUT_EVIDENCE);
    for (const type of covered) expect(benchmarks.get(type)!.size, type).toBeGreaterThanOrEqual(2);
  });

  it('is listed in the analyzer README with its date, as are the query types without evidence', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const shorts = new Set(items.map(({ evidence }) => evidence.citation!.short));
    for (const short of shorts) expect(readme, short).toContain(short);
    for (const type of WITHOUT_EVIDENCE) expect(readme).toMatch(new RegExp(`without (built-in )?evidence[^\\n]*${type}`, 'i'));
  });
});
