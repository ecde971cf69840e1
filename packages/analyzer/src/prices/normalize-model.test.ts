import { describe, expect, it } from 'vitest';
import { modelKey, normalizeModel } from './normalize-model.ts';

describe('normalizeModel', () => {
  it.each([
    // [raw, provider, model, dateless, vendor, host]
    ['gpt-4o', 'openai', 'gpt-4o', 'gpt-4o', null, null],
    ['openai/gpt-4o', null, 'gpt-4o', 'gpt-4o', 'openai', null],
    ['gpt-4o-2024-08-06', 'openai', 'gpt-4o-2024-08-06', 'gpt-4o', null, null],
    ['claude-3-5-sonnet-20240620', 'anthropic', 'claude-3-5-sonnet-20240620', 'claude-3-5-sonnet', null, null],
    ['claude-3-5-sonnet-latest', 'anthropic', 'claude-3-5-sonnet-latest', 'claude-3-5-sonnet', null, null],
    ['anthropic.claude-3-5-sonnet-20240620-v1:0', 'aws.bedrock', 'claude-3-5-sonnet-20240620', 'claude-3-5-sonnet', 'anthropic', 'aws.bedrock'],
    ['us.anthropic.claude-3-5-sonnet-20241022-v2:0', null, 'claude-3-5-sonnet-20241022', 'claude-3-5-sonnet', 'anthropic', 'aws.bedrock'],
    ['eu.anthropic.claude-sonnet-4-20250514-v1:0', 'bedrock', 'claude-sonnet-4-20250514', 'claude-sonnet-4', 'anthropic', 'aws.bedrock'],
    ['global.anthropic.claude-sonnet-4-5-20250929-v1:0', 'aws.bedrock', 'claude-sonnet-4-5-20250929', 'claude-sonnet-4-5', 'anthropic', 'aws.bedrock'],
    ['arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.anthropic.claude-3-5-sonnet-20241022-v2:0', null, 'claude-3-5-sonnet-20241022', 'claude-3-5-sonnet', 'anthropic', 'aws.bedrock'],
    ['meta.llama3-1-70b-instruct-v1:0', 'aws.bedrock', 'llama3-1-70b-instruct', 'llama3-1-70b-instruct', 'meta', 'aws.bedrock'],
    ['amazon.nova-pro-v1:0', 'aws.bedrock', 'nova-pro', 'nova-pro', 'aws.bedrock', 'aws.bedrock'],
    ['openai.gpt-oss-120b-1:0', 'aws.bedrock', 'gpt-oss-120b', 'gpt-oss-120b', 'openai', 'aws.bedrock'],
    ['claude-3-5-sonnet-v2@20241022', 'gcp.vertex_ai', 'claude-3-5-sonnet-20241022', 'claude-3-5-sonnet', null, 'gcp.vertex_ai'],
    ['claude-sonnet-4@20250514', 'vertex', 'claude-sonnet-4-20250514', 'claude-sonnet-4', null, 'gcp.vertex_ai'],
    ['publishers/google/models/gemini-1.5-pro', 'gcp.vertex_ai', 'gemini-1.5-pro', 'gemini-1.5-pro', 'gcp.vertex_ai', 'gcp.vertex_ai'],
    ['projects/p/locations/us-east5/publishers/anthropic/models/claude-opus-4-6', null, 'claude-opus-4-6', 'claude-opus-4-6', 'anthropic', 'gcp.vertex_ai'],
    ['models/gemini-2.0-flash', 'gcp.gemini', 'gemini-2.0-flash', 'gemini-2.0-flash', null, null],
    ['anthropic/claude-3.5-sonnet', 'openrouter', 'claude-3.5-sonnet', 'claude-3.5-sonnet', 'anthropic', null],
    ['meta-llama/llama-4-maverick', 'openrouter', 'llama-4-maverick', 'llama-4-maverick', 'meta', null],
    ['gpt-4.1', 'openai', 'gpt-4.1', 'gpt-4.1', null, null],
  ])('%s (%s)', (raw, provider, model, dateless, vendor, host) => {
    const normalized = normalizeModel(raw, provider);
    expect(normalized).toMatchObject({ model, dateless, vendor, host });
  });

  it('keeps the id as given (case and host prefixes) for host price lookups', () => {
    expect(normalizeModel('  us.anthropic.claude-3-haiku-20240307-v1:0 ', 'aws.bedrock').stripped).toBe(
      'us.anthropic.claude-3-haiku-20240307-v1:0',
    );
    expect(normalizeModel('Qwen/Qwen3-Coder-480B', 'together').stripped).toBe('Qwen/Qwen3-Coder-480B');
  });

  it('does not read dotted version numbers as Bedrock ids', () => {
    expect(normalizeModel('claude-opus-4.6', 'anthropic').model).toBe('claude-opus-4.6');
    expect(normalizeModel('gpt-5.1-codex', null).model).toBe('gpt-5.1-codex');
  });
});

describe('modelKey', () => {
  it('treats dots between digits, underscores and case alike', () => {
    expect(modelKey('claude-opus-4.6')).toBe(modelKey('claude-opus-4-6'));
    expect(modelKey('Claude_Opus_4.6')).toBe('claude-opus-4-6');
    expect(modelKey('gpt-4.1-mini')).toBe('gpt-4-1-mini');
  });
});
