import type { CatalogEntryInput } from './catalog-types.ts';

type Model = Omit<CatalogEntryInput, 'evidence'>;

const anthropic = (id: string, name: string, tier: Model['tier'], aliases: string[] = []): Model => ({
  id,
  name,
  provider: 'anthropic',
  tier,
  aliases,
});
const openai = (id: string, name: string, tier: Model['tier'], aliases: string[] = [], openWeights = false): Model => ({
  id,
  name,
  provider: 'openai',
  tier,
  aliases,
  openWeights,
});
const google = (id: string, name: string, tier: Model['tier'], aliases: string[] = []): Model => ({
  id,
  name,
  provider: 'gcp.gen_ai',
  tier,
  aliases,
});
const open = (provider: string, id: string, name: string, tier: Model['tier'], aliases: string[] = []): Model => ({
  id,
  name,
  provider,
  tier,
  aliases,
  openWeights: true,
});

/**
 * The built-in models: id, maker, tier and the other names they arrive under. Dated ids
 * (`claude-sonnet-4-5-20250929`), provider prefixes, Bedrock and Vertex forms and dots for
 * dashes need no alias: `lookupModel` normalizes them. Ambiguous moving aliases
 * (`deepseek-chat`, `deepseek-reasoner`, `*-latest` pointing at new models over time) are
 * left out on purpose.
 */
export const BUILTIN_MODELS: readonly Model[] = [
  anthropic('claude-opus-4-6', 'Claude Opus 4.6', 'frontier', ['claude-4-6-opus']),
  anthropic('claude-sonnet-4-6', 'Claude Sonnet 4.6', 'production', ['claude-4-6-sonnet']),
  anthropic('claude-opus-4-5', 'Claude Opus 4.5', 'frontier', ['claude-4-5-opus']),
  anthropic('claude-sonnet-4-5', 'Claude Sonnet 4.5', 'production', ['claude-4-5-sonnet']),
  anthropic('claude-haiku-4-5', 'Claude Haiku 4.5', 'budget', ['claude-4-5-haiku']),
  anthropic('claude-opus-4', 'Claude Opus 4', 'frontier', ['claude-opus-4-0', 'claude-4-opus']),
  anthropic('claude-sonnet-4', 'Claude Sonnet 4', 'production', ['claude-sonnet-4-0', 'claude-4-sonnet']),
  anthropic('claude-3-7-sonnet', 'Claude 3.7 Sonnet', 'production', ['claude-sonnet-3-7']),
  anthropic('claude-3-5-haiku', 'Claude 3.5 Haiku', 'budget'),

  openai('gpt-5.1', 'GPT-5.1', 'frontier'),
  openai('gpt-5.1-codex', 'GPT-5.1-Codex', 'frontier'),
  openai('gpt-5', 'GPT-5', 'frontier'),
  openai('gpt-5-mini', 'GPT-5 mini', 'production'),
  openai('gpt-5-nano', 'GPT-5 nano', 'budget'),
  openai('o3', 'o3', 'frontier', ['o3-20250416']),
  openai('o4-mini', 'o4-mini', 'production', ['o4-mini-20250416']),
  openai('o1', 'o1', 'frontier', ['o1-1217']),
  openai('o1-mini', 'o1-mini', 'production'),
  openai('gpt-4.1', 'GPT-4.1', 'production'),
  openai('gpt-4.1-mini', 'GPT-4.1 mini', 'budget'),
  openai('gpt-4.1-nano', 'GPT-4.1 nano', 'budget'),
  openai('gpt-4o', 'GPT-4o', 'production'),
  openai('gpt-4o-mini', 'GPT-4o mini', 'budget'),
  openai('gpt-4-1106-preview', 'GPT-4 Turbo (1106 preview)', 'frontier'),
  openai('gpt-oss-120b', 'gpt-oss-120b', 'budget', [], true),
  openai('gpt-oss-20b', 'gpt-oss-20b', 'local', ['gpt-oss:20b'], true),

  google('gemini-3-pro-preview', 'Gemini 3 Pro (preview)', 'frontier', ['gemini-3-pro']),
  google('gemini-2.5-pro', 'Gemini 2.5 Pro', 'frontier'),
  google('gemini-2.5-flash', 'Gemini 2.5 Flash', 'production'),
  google('gemini-2.5-flash-lite', 'Gemini 2.5 Flash-Lite', 'budget'),
  google('gemini-2.0-flash', 'Gemini 2.0 Flash', 'budget', ['gemini-2.0-flash-001']),

  open('deepseek', 'deepseek-r1', 'DeepSeek-R1', 'production', ['deepseek-r1-0528']),
  open('deepseek', 'deepseek-v3', 'DeepSeek-V3', 'budget', ['deepseek-v3-0324']),
  open('deepseek', 'deepseek-v3.2', 'DeepSeek-V3.2', 'budget', ['deepseek-v3.2-reasoner', 'deepseek-v3.2-exp']),
  open('deepseek', 'deepseek-r1-distill-qwen-7b', 'DeepSeek-R1-Distill-Qwen-7B', 'local', ['deepseek-r1:7b']),
  open('mistral_ai', 'devstral-2512', 'Devstral 2 (2512)', 'production', ['devstral-2', 'devstral-2-2512']),
  open('mistral_ai', 'devstral-small-2512', 'Devstral Small 2 (2512)', 'local', ['devstral-small-2', 'labs-devstral-small-2512']),
  open('mistral_ai', 'mixtral-8x7b-instruct', 'Mixtral 8x7B Instruct', 'budget', ['mixtral-8x7b-instruct-v0.1', 'open-mixtral-8x7b']),
  open('minimax', 'minimax-m2', 'MiniMax-M2', 'budget'),
  open('z_ai', 'glm-4.6', 'GLM-4.6', 'budget'),
  open('z_ai', 'glm-4.5', 'GLM-4.5', 'budget'),
  open('moonshot_ai', 'kimi-k2-instruct', 'Kimi K2 Instruct', 'budget', ['kimi-k2', 'kimi-k2-0711-preview']),
  open('alibaba', 'qwen3-coder-480b-a35b-instruct', 'Qwen3-Coder 480B-A35B Instruct', 'budget', [
    'qwen3-coder',
    'qwen3-coder-480b-a35b-instruct-fp8',
  ]),
  open('alibaba', 'qwen2.5-coder-32b-instruct', 'Qwen2.5-Coder 32B Instruct', 'local', ['qwen2.5-coder:32b']),
  open('alibaba', 'qwen3.5-9b', 'Qwen3.5 9B', 'local', ['qwen3.5:9b']),
  open('meta', 'llama-4-maverick', 'Llama 4 Maverick', 'budget', [
    'llama-4-maverick-instruct',
    'llama-4-maverick-17b-128e-instruct',
    'llama-4-maverick-17b-128e-instruct-fp8',
  ]),
];
