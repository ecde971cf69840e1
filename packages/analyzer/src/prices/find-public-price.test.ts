import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPublicPrice, GENAI_PRICES_VERSION } from './find-public-price.ts';
import { normalizeModel } from './normalize-model.ts';

const at = new Date('2026-06-01T00:00:00Z');

describe('findPublicPrice', () => {
  it('records the installed genai-prices version', () => {
    const url = new URL('../../../../node_modules/@pydantic/genai-prices/package.json', import.meta.url);
    const installed = JSON.parse(readFileSync(url, 'utf8')) as { version: string };
    expect(GENAI_PRICES_VERSION).toBe(installed.version);
  });

  it('uses the host’s own price before the maker’s list price', () => {
    // Bedrock prices Claude Opus 4.6 regional endpoints above Anthropic's list price.
    const found = findPublicPrice('aws.bedrock', normalizeModel('us.anthropic.claude-opus-4-6-v1:0', 'aws.bedrock'), at);
    expect(found).toMatchObject({ kind: 'found', providerId: 'aws', match: 'exact' });
  });

  it('falls back to the maker for reseller clouds', () => {
    const found = findPublicPrice('gcp.vertex_ai', normalizeModel('claude-sonnet-4-6@20260217', 'gcp.vertex_ai'), at);
    expect(found).toMatchObject({ kind: 'found' });
  });

  it('says when nothing matches', () => {
    expect(findPublicPrice('openai', normalizeModel('nope-1', 'openai'), at)).toMatchObject({ kind: 'none' });
    expect(findPublicPrice('vllm', normalizeModel('meta-llama/Llama-3.1-8B', 'vllm'), at)).toMatchObject({ kind: 'local' });
  });
});
