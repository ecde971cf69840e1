import { describe, expect, it } from 'vitest';
import { lookupModel } from './lookup-model.ts';

describe('lookupModel', () => {
  it.each([
    ['anthropic', 'claude-opus-4-6', 'claude-opus-4-6'],
    ['Anthropic', 'claude-opus-4.6', 'claude-opus-4-6'],
    ['aws.bedrock', 'us.anthropic.claude-opus-4-6-v1:0', 'claude-opus-4-6'],
    [null, 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'claude-sonnet-4-5'],
    ['gcp.vertex_ai', 'claude-sonnet-4@20250514', 'claude-sonnet-4'],
    ['anthropic', 'claude-4-opus-20250514', 'claude-opus-4'],
    ['anthropic', 'claude-opus-4-20250514', 'claude-opus-4'],
    ['openai', 'gpt-4o-2024-08-06', 'gpt-4o'],
    ['openrouter', 'openai/gpt-4o', 'gpt-4o'],
    ['openai.responses', 'gpt-5.1-2025-11-13', 'gpt-5.1'],
    ['openai', 'gpt-5.1-codex', 'gpt-5.1-codex'],
    ['openai', 'o3-2025-04-16', 'o3'],
    ['openai', 'gpt-5-mini-2025-08-07', 'gpt-5-mini'],
    ['gcp.vertex_ai', 'publishers/google/models/gemini-2.5-pro', 'gemini-2.5-pro'],
    ['google.generative-ai', 'models/gemini-3-pro-preview', 'gemini-3-pro-preview'],
    ['together_ai', 'Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8', 'qwen3-coder-480b-a35b-instruct'],
    ['groq', 'meta-llama/llama-4-maverick-17b-128e-instruct', 'llama-4-maverick'],
    ['ollama', 'qwen2.5-coder:32b', 'qwen2.5-coder-32b-instruct'],
    ['groq', 'openai/gpt-oss-120b', 'gpt-oss-120b'],
    ['deepseek', 'deepseek-v3.2-reasoner', 'deepseek-v3.2'],
    [null, 'mistralai/Mixtral-8x7B-Instruct-v0.1', 'mixtral-8x7b-instruct'],
  ])('%s / %s → %s', (provider, model, id) => {
    expect(lookupModel(provider, model)?.id).toBe(id);
  });

  it('returns null for unknown models and does not confuse siblings', () => {
    expect(lookupModel('openai', 'my-finetune')).toBeNull();
    expect(lookupModel('openai', 'gpt-4o-mini')?.id).toBe('gpt-4o-mini');
    expect(lookupModel('mistral', 'devstral-small-2512')?.id).toBe('devstral-small-2512');
  });
});
