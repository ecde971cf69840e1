import { binomialEvidence, type BinomialResult } from './binomial-evidence.ts';
import type { CapabilityQueryType, CapabilityEvidence } from './catalog-types.ts';
import { EVIDENCE_SOURCES as S, type CitationInput } from './evidence-sources.ts';

/** Benchmark names used by the built-in evidence (item counts in {@link BENCHMARK_ITEMS}). */
export const CATALOG_BENCHMARKS = {
  sweBenchVendor: 'SWE-bench Verified (maker’s own harness)',
  gpqaDiamond: 'GPQA Diamond',
  aime2024: 'AIME 2024',
  aime2025: 'AIME 2025',
  math500: 'MATH-500',
  mmlu: 'MMLU',
  gsm8k: 'GSM8K',
} as const;

/** Items per benchmark, for the binomial interval. */
const BENCHMARK_ITEMS = {
  sweBenchVendor: 500,
  gpqaDiamond: 198,
  aime2024: 30,
  aime2025: 30,
  math500: 500,
  // RouteLLM's MMLU rows without high_school_mathematics (a scoring artifact there).
  mmluRouteLlm: 13_772,
  mmluFull: 14_042,
  gsm8k: 1_319,
} as const;

interface Published {
  readonly id: string;
  readonly queryType: CapabilityQueryType;
  readonly result: BinomialResult;
}

const swe = (percent: number, citation: CitationInput, date: string, note?: string): BinomialResult => ({
  benchmark: CATALOG_BENCHMARKS.sweBenchVendor,
  percent,
  n: BENCHMARK_ITEMS.sweBenchVendor,
  citation,
  date,
  ...(note ? { note } : {}),
});
const gpqa = (percent: number, citation: CitationInput, date: string, note?: string): BinomialResult => ({
  benchmark: CATALOG_BENCHMARKS.gpqaDiamond,
  percent,
  n: BENCHMARK_ITEMS.gpqaDiamond,
  citation,
  date,
  ...(note ? { note } : {}),
});
const aime2024 = (percent: number, citation: CitationInput, date: string, n: number = BENCHMARK_ITEMS.aime2024, note?: string) => ({
  benchmark: CATALOG_BENCHMARKS.aime2024,
  percent,
  n,
  citation,
  date,
  ...(note ? { note } : {}),
});
const math500 = (percent: number, note?: string): BinomialResult => ({
  benchmark: CATALOG_BENCHMARKS.math500,
  percent,
  n: BENCHMARK_ITEMS.math500,
  citation: S.deepSeekR1Paper,
  date: '2025-01-22',
  ...(note ? { note } : {}),
});
const mmlu = (percent: number, citation: CitationInput, date: string, n: number, note?: string): BinomialResult => ({
  benchmark: CATALOG_BENCHMARKS.mmlu,
  percent,
  n,
  citation,
  date,
  ...(note ? { note } : {}),
});

const R1_AIME_NOTE = 'pass@1 (the paper’s 86.7% with majority voting is DeepSeek-R1-Zero’s cons@64, not R1’s)';
const O1_NOTE = 'average over the 15 problems of AIME 2024 I, one sample per problem';
const ROUTELLM_NOTE = '1-token greedy answer letter, as RouteLLM scored it';

// Results published by model makers and papers, each with its public primary source.
const PUBLISHED: readonly Published[] = [
  { id: 'claude-opus-4-6', queryType: 'coding', result: swe(80.8, S.opus46Announcement, '2026-02-05', 'averaged over 25 trials') },
  { id: 'claude-opus-4-6', queryType: 'expert_qa', result: gpqa(91.3, S.opus46Announcement, '2026-02-05') },
  { id: 'claude-sonnet-4-6', queryType: 'coding', result: swe(79.6, S.sonnet46SystemCard, '2026-02', 'averaged over 25 trials') },
  { id: 'claude-sonnet-4-6', queryType: 'expert_qa', result: gpqa(89.9, S.sonnet46SystemCard, '2026-02') },
  {
    id: 'claude-sonnet-4-6',
    queryType: 'math',
    result: { benchmark: CATALOG_BENCHMARKS.aime2025, percent: 95.6, n: BENCHMARK_ITEMS.aime2025, citation: S.sonnet46SystemCard, date: '2026-02' },
  },
  { id: 'deepseek-r1', queryType: 'math', result: aime2024(79.8, S.deepSeekR1Paper, '2025-01-22', 30, R1_AIME_NOTE) },
  { id: 'deepseek-r1', queryType: 'math', result: math500(97.3) },
  { id: 'deepseek-r1', queryType: 'expert_qa', result: gpqa(71.5, S.deepSeekR1Paper, '2025-01-22') },
  { id: 'deepseek-r1', queryType: 'expert_qa', result: mmlu(90.8, S.deepSeekR1Paper, '2025-01-22', BENCHMARK_ITEMS.mmluFull) },
  { id: 'deepseek-r1', queryType: 'coding', result: swe(49.2, S.deepSeekR1Paper, '2025-01-22') },
  { id: 'o1', queryType: 'math', result: aime2024(79.2, S.deepSeekR1Paper, '2025-01-22', 30, 'o1-1217, pass@1') },
  { id: 'o1', queryType: 'math', result: math500(96.4, 'o1-1217') },
  { id: 'o1', queryType: 'math', result: aime2024(74, S.openAiO1Announcement, '2024-09-12', 15, O1_NOTE) },
  { id: 'o1', queryType: 'expert_qa', result: gpqa(75.7, S.deepSeekR1Paper, '2025-01-22', 'o1-1217') },
  { id: 'o1', queryType: 'expert_qa', result: mmlu(91.8, S.deepSeekR1Paper, '2025-01-22', BENCHMARK_ITEMS.mmluFull, 'o1-1217') },
  { id: 'o1', queryType: 'coding', result: swe(48.9, S.deepSeekR1Paper, '2025-01-22', 'o1-1217') },
  { id: 'o1-mini', queryType: 'math', result: aime2024(63.6, S.deepSeekR1Paper, '2025-01-22') },
  { id: 'o1-mini', queryType: 'math', result: math500(90.0) },
  { id: 'o1-mini', queryType: 'expert_qa', result: gpqa(60.0, S.deepSeekR1Paper, '2025-01-22') },
  { id: 'o1-mini', queryType: 'expert_qa', result: mmlu(85.2, S.deepSeekR1Paper, '2025-01-22', BENCHMARK_ITEMS.mmluFull) },
  { id: 'o1-mini', queryType: 'coding', result: swe(41.6, S.deepSeekR1Paper, '2025-01-22') },
  { id: 'deepseek-v3', queryType: 'math', result: aime2024(39.2, S.deepSeekR1Paper, '2025-01-22') },
  { id: 'deepseek-v3', queryType: 'math', result: math500(90.2) },
  { id: 'deepseek-v3', queryType: 'expert_qa', result: gpqa(59.1, S.deepSeekR1Paper, '2025-01-22') },
  { id: 'deepseek-v3', queryType: 'expert_qa', result: mmlu(88.5, S.deepSeekR1Paper, '2025-01-22', BENCHMARK_ITEMS.mmluFull) },
  { id: 'deepseek-v3', queryType: 'coding', result: swe(42.0, S.deepSeekR1Paper, '2025-01-22') },
  { id: 'deepseek-r1-distill-qwen-7b', queryType: 'math', result: aime2024(55.5, S.deepSeekR1Paper, '2025-01-22', 30, 'pass@1, Table 5') },
  { id: 'gpt-4o', queryType: 'math', result: aime2024(12, S.openAiO1Announcement, '2024-09-12', 15, O1_NOTE) },
  { id: 'qwen3.5-9b', queryType: 'expert_qa', result: gpqa(81.7, S.qwen35SmallModelCard, '2026-03-02') },
  { id: 'gpt-oss-120b', queryType: 'expert_qa', result: gpqa(80.1, S.gptOssModelCard, '2025-08-05', 'high reasoning effort, no tools') },
  {
    id: 'gpt-4-1106-preview',
    queryType: 'expert_qa',
    result: mmlu(82.1, S.routeLlm, '2024-08-09', BENCHMARK_ITEMS.mmluRouteLlm, `${ROUTELLM_NOTE}; without high_school_mathematics`),
  },
  {
    id: 'mixtral-8x7b-instruct',
    queryType: 'expert_qa',
    result: mmlu(68.79, S.routeLlm, '2024-08-09', BENCHMARK_ITEMS.mmluRouteLlm, `${ROUTELLM_NOTE}; without high_school_mathematics`),
  },
  {
    id: 'gpt-4-1106-preview',
    queryType: 'math',
    result: { benchmark: CATALOG_BENCHMARKS.gsm8k, percent: 85.67, n: BENCHMARK_ITEMS.gsm8k, citation: S.routeLlm, date: '2024-08-09' },
  },
  {
    id: 'mixtral-8x7b-instruct',
    queryType: 'math',
    result: { benchmark: CATALOG_BENCHMARKS.gsm8k, percent: 63.84, n: BENCHMARK_ITEMS.gsm8k, citation: S.routeLlm, date: '2024-08-09' },
  },
];

/** Published results as evidence, grouped by catalog id and query type, in source order. */
export function publishedEvidence(): ReadonlyMap<string, Partial<Record<CapabilityQueryType, CapabilityEvidence[]>>> {
  const byModel = new Map<string, Partial<Record<CapabilityQueryType, CapabilityEvidence[]>>>();
  for (const { id, queryType, result } of PUBLISHED) {
    const evidence = byModel.get(id) ?? {};
    (evidence[queryType] ??= []).push(binomialEvidence(result));
    byModel.set(id, evidence);
  }
  return byModel;
}
