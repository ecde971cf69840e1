import { describe, expect, it } from 'vitest';
import type { Finding, SkippedGroup } from '@tierlens/analyzer';
import { findingSources } from './finding-sources';
import { needsEvidence } from './needs-evidence';

const skipped = (queryType: string, model: string, feature: string, spendUsd: string, reason: SkippedGroup['reason']): SkippedGroup => ({
  queryType,
  feature,
  provider: 'openai',
  model,
  calls: 10,
  spendUsd,
  reason,
  detail: `${reason} detail`,
});

describe('needsEvidence', () => {
  it('sums spend without a verdict per query type × model, largest first, and leaves other skips out', () => {
    const rows = needsEvidence([
      skipped('classification', 'gemini-2.5-flash', 'a', '1.5', 'no_evidence'),
      skipped('translation', 'claude-haiku-4-5', 'b', '2.5', 'no_evidence'),
      skipped('classification', 'gemini-2.5-flash', 'c', '2', 'no_evidence'),
      skipped('coding', 'gpt-5-nano', 'd', '9', 'too_few_calls'),
      skipped('math', 'o3', 'e', '9', 'no_better_option'),
      skipped('coding', 'acme-v2', 'f', '0.5', 'not_in_catalog'),
    ]);
    expect(rows.map((r) => [r.queryType, r.model, r.calls, r.spendUsd])).toEqual([
      ['classification', 'gemini-2.5-flash', 20, 3.5],
      ['translation', 'claude-haiku-4-5', 10, 2.5],
      ['coding', 'acme-v2', 10, 0.5],
    ]);
  });
});

describe('findingSources', () => {
  const citation = {
    kind: 'leaderboard' as const,
    publisher: 'SWE-bench',
    title: 'SWE-bench bash-only leaderboard',
    url: 'https://www.swebench.com/bash-only.html',
    repository: 'SWE-bench/swe-bench.github.io',
    commit: 'f1176b65ae29d14f4f52208b48e3d8cfc972bc17',
    path: 'data/leaderboards.json',
    harness: 'mini-swe-agent',
    licence: 'CC BY-NC 4.0',
    short: 'SWE-bench Verified, bash-only, 2025-12',
  };
  const score = (sources: Finding['quality']['current']['sources']) => ({ low: 60, high: 70, point: 65, sampleSize: 500, sources });

  it('gives each distinct source once, short, with the full citation and a link to the data at its commit', () => {
    const finding = {
      quality: {
        current: score([{ source: 'SWE-bench, full citation', date: '2025-12-10', note: 'entry A', citation }]),
        recommended: score([
          { source: 'SWE-bench, full citation', date: '2025-12-09', note: 'entry B', citation },
          { source: 'our eval', date: '2026-11', note: null, citation: null },
        ]),
      },
    } as unknown as Finding;
    expect(findingSources(finding)).toEqual([
      {
        short: 'SWE-bench Verified, bash-only, 2025-12',
        full: 'SWE-bench, full citation',
        href: 'https://github.com/SWE-bench/swe-bench.github.io/blob/f1176b65ae29d14f4f52208b48e3d8cfc972bc17/data/leaderboards.json',
        note: 'entry A',
      },
      { short: 'our eval, 2026-11', full: 'our eval', href: null, note: null },
    ]);
  });
});
