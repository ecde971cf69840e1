/**
 * Provider ids defined by the OpenTelemetry GenAI conventions (`gen_ai.provider.name`).
 * {@link normalizeProvider} returns one of these whenever the raw value names one of them.
 */
export const OTEL_PROVIDERS = [
  'openai',
  'anthropic',
  'aws.bedrock',
  'azure.ai.inference',
  'azure.ai.openai',
  'gcp.gemini',
  'gcp.vertex_ai',
  'gcp.gen_ai',
  'cohere',
  'deepseek',
  'groq',
  'ibm.watsonx.ai',
  'mistral_ai',
  'perplexity',
  'x_ai',
] as const;

/** Providers that run models on the caller's own hardware: no per-token list price. */
export const LOCAL_PROVIDERS: ReadonlySet<string> = new Set(['ollama', 'vllm', 'lm_studio', 'llama_cpp', 'local']);

// Keys are lower-cased with runs of spaces, `_` and `-` folded to `_`.
const ALIASES: Readonly<Record<string, string>> = {
  openai: 'openai',
  open_ai: 'openai',
  anthropic: 'anthropic',
  'aws.bedrock': 'aws.bedrock',
  aws: 'aws.bedrock',
  amazon: 'aws.bedrock',
  bedrock: 'aws.bedrock',
  aws_bedrock: 'aws.bedrock',
  amazon_bedrock: 'aws.bedrock',
  'amazon.bedrock': 'aws.bedrock',
  bedrock_converse: 'aws.bedrock',
  'azure.ai.openai': 'azure.ai.openai',
  azure: 'azure.ai.openai',
  azure_openai: 'azure.ai.openai',
  'azure.openai': 'azure.ai.openai',
  azureopenai: 'azure.ai.openai',
  'azure.ai.inference': 'azure.ai.inference',
  'azure.ai': 'azure.ai.inference',
  azure_ai: 'azure.ai.inference',
  azure_ai_inference: 'azure.ai.inference',
  azure_foundry: 'azure.ai.inference',
  'gcp.gemini': 'gcp.gemini',
  gemini: 'gcp.gemini',
  'google.generative_ai': 'gcp.gemini',
  google_generative_ai: 'gcp.gemini',
  google_genai: 'gcp.gemini',
  google_ai_studio: 'gcp.gemini',
  'gcp.vertex_ai': 'gcp.vertex_ai',
  'gcp.vertex': 'gcp.vertex_ai',
  vertex: 'gcp.vertex_ai',
  vertex_ai: 'gcp.vertex_ai',
  vertexai: 'gcp.vertex_ai',
  'google.vertex': 'gcp.vertex_ai',
  google_vertex: 'gcp.vertex_ai',
  google_vertex_ai: 'gcp.vertex_ai',
  'gcp.gen_ai': 'gcp.gen_ai',
  google: 'gcp.gen_ai',
  gcp: 'gcp.gen_ai',
  cohere: 'cohere',
  deepseek: 'deepseek',
  groq: 'groq',
  'ibm.watsonx.ai': 'ibm.watsonx.ai',
  ibm: 'ibm.watsonx.ai',
  watsonx: 'ibm.watsonx.ai',
  ibm_watsonx: 'ibm.watsonx.ai',
  'ibm.watsonx': 'ibm.watsonx.ai',
  mistral_ai: 'mistral_ai',
  mistral: 'mistral_ai',
  mistralai: 'mistral_ai',
  perplexity: 'perplexity',
  pplx: 'perplexity',
  x_ai: 'x_ai',
  xai: 'x_ai',
  grok: 'x_ai',
  // Not in the OpenTelemetry list: ids in the same style so that each host has one name.
  together: 'together_ai',
  together_ai: 'together_ai',
  togetherai: 'together_ai',
  fireworks: 'fireworks_ai',
  fireworks_ai: 'fireworks_ai',
  fireworksai: 'fireworks_ai',
  openrouter: 'openrouter',
  cerebras: 'cerebras',
  huggingface: 'huggingface',
  hf: 'huggingface',
  moonshot: 'moonshot_ai',
  moonshotai: 'moonshot_ai',
  moonshot_ai: 'moonshot_ai',
  kimi: 'moonshot_ai',
  zhipu: 'z_ai',
  zhipuai: 'z_ai',
  zai: 'z_ai',
  z_ai: 'z_ai',
  'z.ai': 'z_ai',
  minimax: 'minimax',
  alibaba: 'alibaba',
  dashscope: 'alibaba',
  qwen: 'alibaba',
  meta: 'meta',
  meta_llama: 'meta',
  ollama: 'ollama',
  vllm: 'vllm',
  lmstudio: 'lm_studio',
  lm_studio: 'lm_studio',
  llamacpp: 'llama_cpp',
  llama_cpp: 'llama_cpp',
  'llama.cpp': 'llama_cpp',
  litellm: 'litellm',
};

/**
 * Maps a raw provider value from any instrumentation to one canonical id, following the
 * OpenTelemetry `gen_ai.provider.name` values where one exists (see {@link OTEL_PROVIDERS}).
 *
 * - any case and separator: `OpenAI`, `x-ai`, `AWS Bedrock`;
 * - Vercel AI SDK ids with an API suffix: `openai.chat`, `openai.responses` → `openai`,
 *   `anthropic.messages` → `anthropic`, `google.vertex.chat` → `gcp.vertex_ai`;
 * - short names: `vertex` → `gcp.vertex_ai`, `Azure` → `azure.ai.openai`, `bedrock` →
 *   `aws.bedrock`, `google` → `gcp.gen_ai` (Google, endpoint not known).
 *
 * Unknown values come back lower-cased with separators folded to `_`; empty → `null`.
 */
export function normalizeProvider(raw: string | null | undefined): string | null {
  if (raw === null || raw === undefined) return null;
  const key = raw.trim().toLowerCase().replace(/[\s_-]+/g, '_');
  if (key === '') return null;
  const direct = ALIASES[key];
  if (direct) return direct;
  // `openai.chat`, `google.vertex.chat`, `vertex.anthropic.messages`: drop API suffixes.
  const parts = key.split('.');
  for (let length = parts.length - 1; length >= 1; length--) {
    const alias = ALIASES[parts.slice(0, length).join('.')];
    if (alias) return alias;
  }
  return key;
}
