import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { buildCatalog, DEFAULT_CATALOG } from './build-catalog.ts';
import { ZCatalogEntry } from './catalog-types.ts';
import { lookupModel } from './lookup-model.ts';
import { SWE_BENCH_BASH_ONLY } from './swebench-bash-only.ts';

describe('built-in catalog', () => {
  it('is valid against the boundary schema, with unique ids and names', () => {
    const names = new Map<string, string>();
    for (const entry of DEFAULT_CATALOG.entries) {
      expect(ZCatalogEntry.parse(entry)).toEqual(entry);
      for (const name of [entry.id, ...entry.aliases]) {
        const owner = lookupModel(null, name)?.id;
        expect(owner, `${name} resolves to its own entry`).toBe(entry.id);
        expect(names.has(name)).toBe(false);
        names.set(name, entry.id);
      }
    }
  });

  it('cites a source and a date for every piece of evidence', () => {
    for (const entry of DEFAULT_CATALOG.entries) {
      for (const items of Object.values(entry.evidence)) {
        for (const item of items ?? []) {
          expect(item.source.length).toBeGreaterThan(10);
          expect(item.date).toMatch(/^\d{4}-\d{2}/);
          expect(item.score.low).toBeLessThanOrEqual(item.score.point ?? item.score.low);
          expect(item.score.point ?? item.score.high).toBeLessThanOrEqual(item.score.high);
        }
      }
    }
  });

  it('carries the Opus 4.6 / Sonnet 4.6 figures with the maker’s own documents as sources', () => {
    const opus = lookupModel('anthropic', 'claude-opus-4-6');
    const sonnet = lookupModel('anthropic', 'claude-sonnet-4-6');
    expect(opus?.tier).toBe('frontier');
    expect(sonnet?.tier).toBe('production');
    expect(opus?.evidence.coding?.[0]).toMatchObject({ score: { point: 80.8 }, citation: { publisher: 'Anthropic', url: 'https://www.anthropic.com/news/claude-opus-4-6' } });
    expect(opus?.evidence.expert_qa?.[0]).toMatchObject({ benchmark: 'GPQA Diamond', score: { point: 91.3 } });
    expect(sonnet?.evidence.coding?.[0]?.score.point).toBe(79.6);
    // The system card's 89.9% only: a 74.1% figure with no traceable source was dropped.
    expect(sonnet?.evidence.expert_qa?.filter((e) => e.benchmark === 'GPQA Diamond').map((e) => e.score.point)).toEqual([89.9]);
  });

  it('carries the SWE-bench bash-only headline rates as ranges over 500 tasks', () => {
    const sonnet45 = lookupModel(null, 'claude-sonnet-4-5-20250929');
    expect(sonnet45?.evidence.coding?.[0]).toMatchObject({
      benchmark: SWE_BENCH_BASH_ONLY,
      score: { low: 66.5, high: 74.4, point: 70.6 },
      sampleSize: 500,
      source: expect.stringContaining('f1176b65ae29d14f4f52208b48e3d8cfc972bc17'),
    });
    expect(sonnet45?.evidence.agentic?.[0]?.benchmark).toBe(SWE_BENCH_BASH_ONLY);
    const withBashOnly = DEFAULT_CATALOG.entries.filter((e) => e.evidence.coding?.some((x) => x.benchmark === SWE_BENCH_BASH_ONLY));
    expect(withBashOnly).toHaveLength(25);
  });
});

describe('buildCatalog overrides', () => {
  it('changes a built-in entry found by any spelling, keeping what is not overridden', () => {
    const catalog = buildCatalog([
      {
        id: 'us.anthropic.claude-opus-4-6-v1:0',
        tier: 'production',
        aliases: ['opus-prod'],
        evidence: { coding: [{ benchmark: 'Our eval', score: 88, source: 'internal eval v3', date: '2026-05-01' }] },
      },
    ]);
    const opus = lookupModel(null, 'opus-prod', catalog);
    expect(opus).toMatchObject({ id: 'claude-opus-4-6', tier: 'production', name: 'Claude Opus 4.6' });
    expect(opus?.evidence.coding).toEqual([
      { benchmark: 'Our eval', score: { low: 88, high: 88, point: 88 }, sampleSize: null, method: null, source: 'internal eval v3', date: '2026-05-01', note: null },
    ]);
    expect(opus?.evidence.expert_qa?.[0]?.score.point).toBe(91.3);
    expect(lookupModel(null, 'claude-opus-4-6')?.tier).toBe('frontier');
  });

  it('removes evidence of a query type with an empty list', () => {
    const catalog = buildCatalog([{ id: 'claude-opus-4-6', evidence: { expert_qa: [] } }]);
    expect(lookupModel(null, 'claude-opus-4-6', catalog)?.evidence.expert_qa).toEqual([]);
  });

  it('adds new models', () => {
    const catalog = buildCatalog([
      { id: 'acme-small', provider: 'acme', tier: 'local', evidence: { classification: [{ benchmark: 'Our labels', score: { low: 90, high: 95 }, source: 'internal', date: '2026-04' }] } },
    ]);
    expect(lookupModel('acme', 'acme-small', catalog)).toMatchObject({ name: 'acme-small', tier: 'local', openWeights: false });
    expect(catalog.entries.length).toBe(DEFAULT_CATALOG.entries.length + 1);
  });

  it('rejects invalid user input', () => {
    expect(() => buildCatalog([{ id: 'x', tier: 'premium' }])).toThrow(ZodError);
    expect(() => buildCatalog([{ id: 'new-model-without-tier', provider: 'acme' }])).toThrow(ZodError);
    expect(() => buildCatalog([{ id: 'claude-opus-4-6', evidence: { coding: [{ benchmark: 'b', score: 120, source: 's', date: '2026-01' }] } }])).toThrow(ZodError);
    expect(() => buildCatalog([{ id: 'claude-opus-4-6', evidence: { unknown: [] } }])).toThrow(ZodError);
    expect(() => buildCatalog([{ id: 'claude-opus-4-6', evidence: { coding: [{ benchmark: 'b', score: { low: 80, high: 70 }, source: 's', date: '2026-01' }] } }])).toThrow(ZodError);
    expect(() => buildCatalog('nope')).toThrow(ZodError);
  });
});
