import { describe, expect, it } from 'vitest';
import { normalizeProvider, OTEL_PROVIDERS } from './normalize-provider.ts';

describe('normalizeProvider', () => {
  it.each([
    ['OpenAI', 'openai'],
    ['openai', 'openai'],
    ['openai.chat', 'openai'],
    ['openai.responses', 'openai'],
    ['openai.completion', 'openai'],
    ['Anthropic', 'anthropic'],
    ['anthropic.messages', 'anthropic'],
    ['gcp.vertex_ai', 'gcp.vertex_ai'],
    ['vertex', 'gcp.vertex_ai'],
    ['vertex_ai', 'gcp.vertex_ai'],
    ['google.vertex.chat', 'gcp.vertex_ai'],
    ['vertex.anthropic.messages', 'gcp.vertex_ai'],
    ['google', 'gcp.gen_ai'],
    ['google.generative-ai', 'gcp.gemini'],
    ['gemini', 'gcp.gemini'],
    ['gcp.gemini', 'gcp.gemini'],
    ['aws.bedrock', 'aws.bedrock'],
    ['AWS Bedrock', 'aws.bedrock'],
    ['amazon-bedrock', 'aws.bedrock'],
    ['bedrock', 'aws.bedrock'],
    ['azure.ai.openai', 'azure.ai.openai'],
    ['Azure', 'azure.ai.openai'],
    ['azure-openai', 'azure.ai.openai'],
    ['azure.ai.inference', 'azure.ai.inference'],
    ['Mistral', 'mistral_ai'],
    ['mistralai', 'mistral_ai'],
    ['xai', 'x_ai'],
    ['x-ai', 'x_ai'],
    ['Cohere', 'cohere'],
    ['deepseek', 'deepseek'],
    ['groq', 'groq'],
    ['perplexity', 'perplexity'],
    ['watsonx', 'ibm.watsonx.ai'],
    ['together_ai', 'together_ai'],
    ['Ollama', 'ollama'],
  ])('%s → %s', (raw, canonical) => {
    expect(normalizeProvider(raw)).toBe(canonical);
  });

  it('maps every OpenTelemetry id to itself', () => {
    for (const id of OTEL_PROVIDERS) expect(normalizeProvider(id)).toBe(id);
  });

  it('keeps unknown providers, lower-cased with one separator style', () => {
    expect(normalizeProvider(' Acme-Gateway ')).toBe('acme_gateway');
  });

  it('returns null for nothing', () => {
    expect(normalizeProvider(null)).toBeNull();
    expect(normalizeProvider(undefined)).toBeNull();
    expect(normalizeProvider('  ')).toBeNull();
  });
});
