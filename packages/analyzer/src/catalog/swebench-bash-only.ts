import { binomialEvidence } from './binomial-evidence.ts';
import type { CapabilityEvidence } from './catalog-types.ts';
import { EVIDENCE_SOURCES } from './evidence-sources.ts';

/** The benchmark name of the SWE-bench bash-only leaderboard: every model in the same minimal agent. */
export const SWE_BENCH_BASH_ONLY = 'SWE-bench Verified (bash-only, mini-swe-agent)';

interface Row {
  /** Catalog id. */
  readonly id: string;
  /** The leaderboard's own display name. */
  readonly entry: string;
  /** Headline resolved rate in percent over the 500 tasks. */
  readonly resolvedPct: number;
  /** Run date. */
  readonly date: string;
  readonly note?: string;
}

// The leaderboard's headline figures (`reported_resolved_pct`), not its per-instance data.
const ROWS: readonly Row[] = [
  { id: 'claude-opus-4-5', entry: 'Claude 4.5 Opus medium (20251101)', resolvedPct: 74.4, date: '2025-11-24', note: 'medium effort' },
  { id: 'gemini-3-pro-preview', entry: 'Gemini 3 Pro Preview (2025-11-18)', resolvedPct: 74.2, date: '2025-11-18' },
  { id: 'claude-sonnet-4-5', entry: 'Claude 4.5 Sonnet (20250929)', resolvedPct: 70.6, date: '2025-09-29' },
  { id: 'claude-opus-4', entry: 'Claude 4 Opus (20250514)', resolvedPct: 67.6, date: '2025-08-02' },
  { id: 'gpt-5.1-codex', entry: 'GPT-5.1-codex (medium reasoning)', resolvedPct: 66.0, date: '2025-11-24', note: 'medium reasoning' },
  { id: 'gpt-5.1', entry: 'GPT-5.1 (2025-11-13) (medium reasoning)', resolvedPct: 66.0, date: '2025-11-20', note: 'medium reasoning' },
  { id: 'gpt-5', entry: 'GPT-5 (2025-08-07) (medium reasoning)', resolvedPct: 65.0, date: '2025-08-07', note: 'medium reasoning' },
  { id: 'claude-sonnet-4', entry: 'Claude 4 Sonnet (20250514)', resolvedPct: 64.93, date: '2025-07-26' },
  { id: 'minimax-m2', entry: 'Minimax M2', resolvedPct: 61.0, date: '2025-11-24' },
  { id: 'deepseek-v3.2', entry: 'DeepSeek V3.2 Reasoner', resolvedPct: 60.0, date: '2025-12-01', note: 'thinking mode' },
  { id: 'gpt-5-mini', entry: 'GPT-5 mini (2025-08-07) (medium reasoning)', resolvedPct: 59.8, date: '2025-08-07', note: 'medium reasoning' },
  { id: 'o3', entry: 'o3 (2025-04-16)', resolvedPct: 58.4, date: '2025-07-26' },
  { id: 'devstral-small-2512', entry: 'Devstral small (2512)', resolvedPct: 56.4, date: '2025-12-09' },
  { id: 'qwen3-coder-480b-a35b-instruct', entry: 'Qwen3-Coder 480B/A35B Instruct', resolvedPct: 55.4, date: '2025-08-02' },
  { id: 'glm-4.6', entry: 'GLM-4.6 (T=1)', resolvedPct: 55.4, date: '2025-12-01', note: 'temperature 1' },
  { id: 'glm-4.5', entry: 'GLM-4.5 (2025-08-22)', resolvedPct: 54.2, date: '2025-08-22' },
  { id: 'devstral-2512', entry: 'Devstral (2512)', resolvedPct: 53.8, date: '2025-12-09' },
  { id: 'gemini-2.5-pro', entry: 'Gemini 2.5 Pro (2025-05-06)', resolvedPct: 53.6, date: '2025-07-26' },
  {
    id: 'claude-3-7-sonnet',
    entry: 'Claude 3.7 Sonnet (20250219)',
    resolvedPct: 52.8,
    date: '2025-07-20',
    note: 'agent 0.0.0; the entry’s per-instance flags (51/500) disagree with its headline, so it is left out of backtests',
  },
  { id: 'o4-mini', entry: 'o4-mini (2025-04-16)', resolvedPct: 45.0, date: '2025-07-26' },
  { id: 'kimi-k2-instruct', entry: 'Kimi K2 Instruct', resolvedPct: 43.8, date: '2025-08-07' },
  { id: 'gpt-5-nano', entry: 'GPT-5 nano (2025-08-07) (medium reasoning)', resolvedPct: 34.8, date: '2025-08-07', note: 'medium reasoning' },
  { id: 'gpt-oss-120b', entry: 'gpt-oss-120b', resolvedPct: 26.0, date: '2025-08-07' },
  { id: 'llama-4-maverick', entry: 'Llama 4 Maverick Instruct', resolvedPct: 21.04, date: '2025-07-20' },
  { id: 'qwen2.5-coder-32b-instruct', entry: 'Qwen2.5-Coder 32B Instruct', resolvedPct: 9.0, date: '2025-08-03' },
];

/**
 * SWE-bench Verified bash-only results by catalog id: every model in the same minimal
 * bash agent, so the scores compare models rather than agent harnesses. Used as evidence
 * for `coding`, and for `agentic` (a multi-step tool loop).
 */
export function sweBenchBashOnlyEvidence(): ReadonlyMap<string, CapabilityEvidence> {
  return new Map(
    ROWS.map((row) => [
      row.id,
      binomialEvidence({
        benchmark: SWE_BENCH_BASH_ONLY,
        percent: row.resolvedPct,
        n: 500,
        citation: EVIDENCE_SOURCES.sweBenchBashOnly,
        date: row.date,
        note: `entry "${row.entry}"${row.note ? `; ${row.note}` : ''}`,
      }),
    ]),
  );
}
