import type { EvidenceCitation } from './catalog-types.ts';

/** A citation as written in the built-in catalog (before zod's defaults). */
export type CitationInput = Omit<EvidenceCitation, 'url' | 'repository' | 'commit' | 'path'> &
  Partial<Pick<EvidenceCitation, 'url' | 'repository' | 'commit' | 'path'>>;

const CITED = 'figures cited with attribution; no data copied';

/**
 * The public primary sources of the built-in capability evidence (except the leaderboards
 * imported by `scripts/generate-leaderboard-evidence.ts`, whose citations are in the generated
 * module). Each names the document or the repository at a commit, the harness and the licence.
 */
export const EVIDENCE_SOURCES = {
  sweBenchBashOnly: {
    kind: 'leaderboard',
    publisher: 'SWE-bench',
    title: 'SWE-bench bash-only leaderboard (headline resolved rates)',
    url: 'https://www.swebench.com/bash-only.html',
    repository: 'SWE-bench/swe-bench.github.io',
    commit: 'f1176b65ae29d14f4f52208b48e3d8cfc972bc17',
    path: 'data/leaderboards.json',
    harness: 'mini-swe-agent with a bash tool only, one attempt per task, the same agent for every model',
    licence: 'CC BY-NC 4.0 (© SWE-bench); headline figures cited with attribution',
    short: 'SWE-bench Verified, bash-only, 2025-12',
  },
  opus46Announcement: {
    kind: 'announcement',
    publisher: 'Anthropic',
    title: 'Introducing Claude Opus 4.6',
    url: 'https://www.anthropic.com/news/claude-opus-4-6',
    harness: 'the maker’s own harness (see the announcement’s footnotes per benchmark)',
    licence: CITED,
    short: 'Anthropic, Opus 4.6 announcement, 2026-02',
  },
  sonnet46SystemCard: {
    kind: 'system_card',
    publisher: 'Anthropic',
    title: 'Claude Sonnet 4.6 System Card',
    url: 'https://www.anthropic.com/claude-sonnet-4-6-system-card',
    harness: 'the maker’s own harness (SWE-bench Verified averaged over 25 trials)',
    licence: CITED,
    short: 'Anthropic, Sonnet 4.6 system card, 2026-02',
  },
  deepSeekR1Paper: {
    kind: 'paper',
    publisher: 'DeepSeek-AI',
    title: 'DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning (arXiv:2501.12948v1), Table 4, Table 5 and Figure 1',
    url: 'https://arxiv.org/abs/2501.12948',
    harness: 'the paper’s own evaluation: pass@1 from sampled answers (temperature 0.6), 32,768-token limit',
    licence: CITED,
    short: 'DeepSeek-R1 paper, 2025-01',
  },
  openAiO1Announcement: {
    kind: 'announcement',
    publisher: 'OpenAI',
    title: 'Learning to reason with LLMs',
    url: 'https://openai.com/index/learning-to-reason-with-llms',
    harness: 'the maker’s own harness, one sample per problem',
    licence: CITED,
    short: 'OpenAI, o1 announcement, 2024-09',
  },
  gptOssModelCard: {
    kind: 'model_card',
    publisher: 'OpenAI',
    title: 'gpt-oss-120b & gpt-oss-20b Model Card (arXiv:2508.10925)',
    url: 'https://arxiv.org/abs/2508.10925',
    harness: 'the maker’s own harness, no tools, high reasoning effort',
    licence: CITED,
    short: 'OpenAI, gpt-oss model card, 2025-08',
  },
  qwen35SmallModelCard: {
    kind: 'model_card',
    publisher: 'Alibaba Qwen',
    title: 'Qwen3.5-9B model card',
    url: 'https://huggingface.co/Qwen/Qwen3.5-9B',
    harness: 'the maker’s own harness, thinking mode',
    licence: 'model card of Apache-2.0 weights; figures cited with attribution',
    short: 'Qwen3.5-9B model card, 2026-03',
  },
  routeLlm: {
    kind: 'dataset',
    publisher: 'LMSYS (RouteLLM)',
    title: 'RouteLLM evaluation responses (routellm/evals); accuracy computed from the per-prompt results',
    url: 'https://github.com/lm-sys/RouteLLM',
    repository: 'lm-sys/RouteLLM',
    commit: '0b64fdafe049e596a3f5657c219329f24af24198',
    path: 'routellm/evals',
    harness: 'RouteLLM’s scoring: 1-token greedy answer letter (MMLU), final number (GSM8K)',
    licence: 'Apache-2.0',
    short: 'RouteLLM evals, 2024-08',
  },
} as const satisfies Record<string, CitationInput>;

/** The one-line form of a citation, stored as the evidence's `source`. */
export function citationText(citation: CitationInput): string {
  const where = citation.repository
    ? `github.com/${citation.repository}${citation.path ? ` ${citation.path}` : ''} at commit ${citation.commit}${citation.url ? ` (${citation.url})` : ''}`
    : citation.url;
  return `${citation.publisher}, ${citation.title}: ${where}; harness: ${citation.harness}; licence: ${citation.licence}`;
}
