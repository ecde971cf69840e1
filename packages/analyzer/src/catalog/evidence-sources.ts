/**
 * Citations for the built-in capability evidence. Each names the public document or data
 * file, its version or date, and for data files the licence the figures are used under.
 */
export const EVIDENCE_SOURCES = {
  sweBenchBashOnly:
    'SWE-bench bash-only leaderboard (mini-swe-agent, one attempt): github.com/SWE-bench/swe-bench.github.io ' +
    'data/leaderboards.json at commit f1176b65ae29d14f4f52208b48e3d8cfc972bc17 (2025-12-10); ' +
    'headline resolved rates, © SWE-bench, CC BY-NC 4.0',
  seedTierRouting:
    'Tierlens research seed 002_9291135b0ee8163c ("Tier routing by task type is the new competitive advantage", ' +
    'Feb 2026), figures attributed there to Anthropic',
  seedInferenceEconomics:
    'Tierlens research seed 000_7752f2fdfd778709 ("The Three Converging Forces Reshaping AI Economics", Apr 2026)',
  seedEfficiencyCompounding:
    'Tierlens research seed 004_ab0a13cf4c94dcc9 ("Three concurrent efficiency improvements…", Mar 2026)',
  sonnet46SystemCard:
    'Anthropic, Claude Sonnet 4.6 System Card (Feb 2026), as summarized at https://www.modelcards.net/documents/8',
  deepSeekR1Paper:
    'DeepSeek-AI, "DeepSeek-R1: Incentivizing Reasoning Capability in LLMs via Reinforcement Learning", ' +
    'arXiv:2501.12948v1 (2025-01-22), Figure 1',
  openAiO1Announcement: 'OpenAI, "Learning to reason with LLMs", https://openai.com/index/learning-to-reason-with-llms (2024-09-12)',
  routeLlm:
    'lm-sys/RouteLLM evaluation responses (routellm/evals, commit 0b64fdafe049e596a3f5657c219329f24af24198, ' +
    '2024-08-09, Apache-2.0), accuracy computed by Tierlens (data/routing-backtest)',
} as const;
