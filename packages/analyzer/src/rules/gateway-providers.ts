import { normalizeProvider } from '../prices/normalize-provider.ts';

interface GatewayProvider {
  /** LiteLLM's model prefix (`anthropic/claude-…`). */
  readonly litellm: string;
  /** The environment variable LiteLLM reads the key from, when the provider uses an API key. */
  readonly litellmKeyEnv: string | null;
  /** Portkey's provider id (also the default slug of a provider added in Portkey). */
  readonly portkey: string;
}

// Canonical provider ids (normalizeProvider) → gateway names.
const PROVIDERS: Readonly<Record<string, GatewayProvider>> = {
  openai: { litellm: 'openai', litellmKeyEnv: 'OPENAI_API_KEY', portkey: 'openai' },
  anthropic: { litellm: 'anthropic', litellmKeyEnv: 'ANTHROPIC_API_KEY', portkey: 'anthropic' },
  'gcp.gen_ai': { litellm: 'gemini', litellmKeyEnv: 'GEMINI_API_KEY', portkey: 'google' },
  'gcp.gemini': { litellm: 'gemini', litellmKeyEnv: 'GEMINI_API_KEY', portkey: 'google' },
  'gcp.vertex_ai': { litellm: 'vertex_ai', litellmKeyEnv: null, portkey: 'vertex-ai' },
  'aws.bedrock': { litellm: 'bedrock', litellmKeyEnv: null, portkey: 'bedrock' },
  'azure.ai.openai': { litellm: 'azure', litellmKeyEnv: 'AZURE_API_KEY', portkey: 'azure-openai' },
  mistral_ai: { litellm: 'mistral', litellmKeyEnv: 'MISTRAL_API_KEY', portkey: 'mistral-ai' },
  deepseek: { litellm: 'deepseek', litellmKeyEnv: 'DEEPSEEK_API_KEY', portkey: 'deepseek' },
  x_ai: { litellm: 'xai', litellmKeyEnv: 'XAI_API_KEY', portkey: 'x-ai' },
  groq: { litellm: 'groq', litellmKeyEnv: 'GROQ_API_KEY', portkey: 'groq' },
  together_ai: { litellm: 'together_ai', litellmKeyEnv: 'TOGETHERAI_API_KEY', portkey: 'together-ai' },
  fireworks_ai: { litellm: 'fireworks_ai', litellmKeyEnv: 'FIREWORKS_AI_API_KEY', portkey: 'fireworks-ai' },
  openrouter: { litellm: 'openrouter', litellmKeyEnv: 'OPENROUTER_API_KEY', portkey: 'openrouter' },
  cohere: { litellm: 'cohere', litellmKeyEnv: 'COHERE_API_KEY', portkey: 'cohere' },
  ollama: { litellm: 'ollama', litellmKeyEnv: null, portkey: 'ollama' },
};

/**
 * The names a gateway knows a provider by. Unknown providers keep their canonical id
 * (dots and underscores as dashes for Portkey) and no key variable.
 */
export function gatewayProvider(provider: string | null): GatewayProvider | null {
  const canonical = normalizeProvider(provider);
  if (canonical === null) return null;
  return PROVIDERS[canonical] ?? { litellm: canonical, litellmKeyEnv: null, portkey: canonical.replace(/[._]/g, '-') };
}
