import { describe, expect, it } from 'vitest';
import { priceCall } from './price-call.ts';
import type { PriceCallInput, PriceOverride } from './price-types.ts';

const at = new Date('2026-06-01T12:00:00Z');

function call(provider: string | null, model: string, usage: Partial<PriceCallInput> = {}): PriceCallInput {
  return {
    provider,
    model,
    inputTokens: 1000,
    outputTokens: 100,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    reasoningTokens: 0,
    at,
    ...usage,
  };
}

function priced(input: PriceCallInput, overrides?: PriceOverride[]) {
  const result = priceCall(input, overrides ? { overrides } : {});
  if (result.status !== 'priced') throw new Error(`unpriced: ${result.reason} ${result.detail}`);
  return result;
}

describe('priceCall: public prices', () => {
  it('prices gpt-4o exactly and says which data priced it', () => {
    const result = priced(call('openai', 'gpt-4o'));
    expect(result).toMatchObject({
      costUsd: '0.0035',
      costUsdE10: 35_000_000n,
      priceVersion: 'genai-prices@0.1.8',
      match: 'exact',
      matchedProvider: 'openai',
      matchedModel: 'gpt-4o',
      breakdown: { input: 25_000_000n, output: 10_000_000n, cacheRead: 0n, cacheWrite: 0n, reasoning: 0n, request: 0n },
      rates: { inputPerMTok: '2.5', outputPerMTok: '10', cacheReadPerMTok: '1.25', tierAboveInputTokens: null },
    });
  });

  it('bills cache reads and writes at their rates, inside the input count', () => {
    // claude-sonnet-4-6 after 2026-03-13: $3 in, $15 out, $0.30 cache read, $3.75 cache write.
    const result = priced(
      call('anthropic', 'claude-sonnet-4-6', { inputTokens: 1200, cacheReadTokens: 200, cacheWriteTokens: 100, outputTokens: 300 }),
    );
    expect(result.breakdown).toMatchObject({
      input: 27_000_000n, // 900 × $3/M
      cacheRead: 600_000n, // 200 × $0.30/M
      cacheWrite: 3_750_000n, // 100 × $3.75/M
      output: 45_000_000n, // 300 × $15/M
    });
    expect(result.costUsd).toBe('0.007635');
  });

  it('bills reasoning tokens as output tokens', () => {
    const withReasoning = priced(call('openai', 'o3', { outputTokens: 300, reasoningTokens: 100 }));
    const without = priced(call('openai', 'o3', { outputTokens: 300, reasoningTokens: 0 }));
    expect(withReasoning.costUsdE10).toBe(without.costUsdE10);
    expect(withReasoning.breakdown.reasoning).toBe(0n);
  });

  it('uses a separate reasoning rate when the model has one', () => {
    // sonar-deep-research: $8/M output, $3/M reasoning.
    const result = priced(call('perplexity', 'sonar-deep-research', { inputTokens: 0, outputTokens: 300, reasoningTokens: 100 }));
    expect(result.breakdown.output).toBe(16_000_000n); // 200 × $8/M
    expect(result.breakdown.reasoning).toBe(3_000_000n); // 100 × $3/M
  });

  it('charges a per-request fee once', () => {
    // sonar: $1/M in, $1/M out, $12 per 1000 requests.
    const result = priced(call('perplexity', 'sonar'));
    expect(result.breakdown.request).toBe(120_000_000n);
    expect(result.costUsd).toBe('0.0131');
  });

  it('applies long-context tiers by total input tokens, cache included', () => {
    // gemini-2.5-pro: $1.25/$10 up to 200k input tokens, $2.50/$15 above.
    const atLimit = priced(call('google', 'gemini-2.5-pro', { inputTokens: 200_000, outputTokens: 1000 }));
    expect(atLimit.rates.tierAboveInputTokens).toBeNull();
    expect(atLimit.costUsd).toBe('0.26');
    const above = priced(call('google', 'gemini-2.5-pro', { inputTokens: 200_001, cacheReadTokens: 100_000, outputTokens: 1000 }));
    expect(above.rates).toMatchObject({ inputPerMTok: '2.5', outputPerMTok: '15', cacheReadPerMTok: '0.25', tierAboveInputTokens: 200_000 });
    expect(above.costUsd).toBe('0.2900025'); // 100001 × 2.5 + 100000 × 0.25 + 1000 × 15, per million
  });

  it('uses the prices in force at the call time', () => {
    // claude-opus-4-6 had a long-context tier until 2026-03-13.
    const usage = { inputTokens: 300_000, outputTokens: 0 };
    expect(priced({ ...call('anthropic', 'claude-opus-4-6', usage), at: new Date('2026-03-01T00:00:00Z') }).costUsd).toBe('3');
    expect(priced({ ...call('anthropic', 'claude-opus-4-6', usage), at: new Date('2026-04-01T00:00:00Z') }).costUsd).toBe('1.5');
  });

  it('keeps cheap calls exact below a micro-dollar', () => {
    // gpt-5-nano cache reads: $0.005/M → one token costs $0.000000005.
    const result = priced(call('openai', 'gpt-5-nano', { inputTokens: 1, cacheReadTokens: 1, outputTokens: 0 }));
    expect(result.costUsd).toBe('0.000000005');
  });
});

describe('priceCall: model and provider spellings', () => {
  it.each([
    ['openai', 'gpt-4o', 'gpt-4o', 'exact'],
    ['OpenAI', 'openai/gpt-4o', 'gpt-4o', 'normalized'],
    ['openai.chat', 'gpt-4o-2024-08-06', 'gpt-4o', 'exact'],
    ['openai.responses', 'gpt-4o-2024-11-20', 'gpt-4o', 'exact'],
    [null, 'gpt-4o-2024-08-06', 'gpt-4o', 'exact'],
    ['Azure', 'gpt-4o', 'gpt-4o', 'exact'],
    ['azure.ai.openai', 'gpt-4o-2024-08-06', 'gpt-4o', 'exact'],
    ['anthropic.messages', 'claude-3-5-sonnet-20240620', 'claude-3-5-sonnet', 'exact'],
    ['Anthropic', 'claude-opus-4.6', 'claude-opus-4-6', 'exact'],
    ['aws.bedrock', 'anthropic.claude-3-5-sonnet-20240620-v1:0', 'regional.anthropic.claude-3-5-sonnet-20240620-v1:0', 'exact'],
    ['aws.bedrock', 'us.anthropic.claude-3-5-sonnet-20241022-v2:0', 'regional.anthropic.claude-3-5-sonnet-20241022-v2:0', 'exact'],
    [null, 'us.anthropic.claude-3-5-sonnet-20240620-v1:0', 'regional.anthropic.claude-3-5-sonnet-20240620-v1:0', 'exact'],
    ['bedrock', 'arn:aws:bedrock:us-east-1:123456789012:inference-profile/eu.anthropic.claude-sonnet-4-20250514-v1:0', 'regional.anthropic.claude-sonnet-4-20250514-v1:0', 'exact'],
    ['gcp.vertex_ai', 'claude-3-5-sonnet-v2@20241022', 'claude-3-5-sonnet', 'exact'],
    ['vertex', 'claude-sonnet-4@20250514', 'claude-4-sonnet', 'exact'],
    ['gcp.vertex_ai', 'publishers/google/models/gemini-1.5-pro', 'gemini-1.5-pro', 'exact'],
    [null, 'projects/p/locations/us-east5/publishers/anthropic/models/claude-sonnet-4@20250514', 'claude-4-sonnet', 'exact'],
    ['google.generative-ai', 'models/gemini-2.0-flash', 'gemini-2.0-flash', 'exact'],
    ['gcp.gemini', 'gemini-2.0-flash-001', 'gemini-2.0-flash', 'exact'],
    ['x_ai', 'grok-4', 'grok-4-0709', 'exact'],
    ['mistral_ai', 'mistral-large-latest', 'mistral-large', 'exact'],
    ['groq', 'openai/gpt-oss-120b', 'openai/gpt-oss-120b', 'exact'],
    ['openrouter', 'anthropic/claude-3.5-sonnet', 'anthropic/claude-3.5-sonnet', 'exact'],
    ['openai', 'anthropic/claude-3.5-sonnet', 'claude-3-5-sonnet', 'vendor_fallback'],
    ['litellm', 'anthropic/claude-sonnet-4-5', 'claude-sonnet-4-5', 'vendor_fallback'],
  ])('%s / %s → %s (%s)', (provider, model, matchedModel, match) => {
    const result = priced(call(provider, model));
    expect(result.matchedModel).toBe(matchedModel);
    expect(result.match).toBe(match);
  });
});

describe('priceCall: unpriced, never $0', () => {
  it('reports unknown models', () => {
    expect(priceCall(call('openai', 'my-finetune-that-does-not-exist'))).toMatchObject({
      status: 'unpriced',
      reason: 'unknown_model',
    });
    expect(priceCall(call('azure.ai.openai', 'my-deployment'))).toMatchObject({ status: 'unpriced', reason: 'unknown_model' });
  });

  it('does not borrow another provider’s price for a first-party provider', () => {
    expect(priceCall(call('openai', 'claude-3-5-sonnet'))).toMatchObject({ status: 'unpriced', reason: 'unknown_model' });
  });

  it('reports local models', () => {
    expect(priceCall(call('ollama', 'llama3.1:8b'))).toMatchObject({ status: 'unpriced', reason: 'local_model' });
  });

  it('reports inconsistent usage', () => {
    expect(priceCall(call('openai', 'gpt-4o', { inputTokens: 100, cacheReadTokens: 200 }))).toMatchObject({
      reason: 'invalid_usage',
    });
    expect(priceCall(call('openai', 'gpt-4o', { outputTokens: 10, reasoningTokens: 20 }))).toMatchObject({
      reason: 'invalid_usage',
    });
    expect(priceCall(call('openai', 'gpt-4o', { inputTokens: -1 }))).toMatchObject({ reason: 'invalid_usage' });
    expect(priceCall(call('openai', 'gpt-4o', { inputTokens: 1.5 }))).toMatchObject({ reason: 'invalid_usage' });
    expect(priceCall({ ...call('openai', 'gpt-4o'), at: new Date(Number.NaN) })).toMatchObject({ reason: 'invalid_usage' });
  });

  it('reports a price entry without a rate the call needs', () => {
    // groq whisper is priced per audio hour only.
    expect(priceCall(call('groq', 'whisper-large-v3'))).toMatchObject({ status: 'unpriced', reason: 'incomplete_price' });
  });

  it('accepts bigint token counts as read from BIGINT columns', () => {
    const result = priced(call('openai', 'gpt-4o', { inputTokens: 1000n, outputTokens: 100n, cacheReadTokens: 0n }));
    expect(result.costUsd).toBe('0.0035');
  });
});

describe('priceCall: overrides', () => {
  const override = (partial: Partial<PriceOverride>): PriceOverride => ({
    id: 'o1',
    provider: null,
    model: 'gpt-4o',
    inputPerMTok: '1',
    outputPerMTok: '2',
    cacheReadPerMTok: null,
    cacheWritePerMTok: null,
    effectiveFrom: new Date('2026-01-01T00:00:00Z'),
    projectId: null,
    ...partial,
  });

  it('beats the public price and records override:<id>', () => {
    const result = priced(call('openai', 'gpt-4o-2024-08-06'), [override({ id: 'org-gpt4o' })]);
    expect(result).toMatchObject({ priceVersion: 'override:org-gpt4o', match: 'override', costUsd: '0.0012' });
  });

  it('prices a model the public data does not know (an Azure deployment name)', () => {
    const result = priced(call('Azure', 'my-deployment'), [override({ provider: 'azure.ai.openai', model: 'my-deployment' })]);
    expect(result.costUsd).toBe('0.0012');
  });

  it('bills cache tokens at the input price when the override has no cache price', () => {
    const result = priced(call('openai', 'gpt-4o', { inputTokens: 1000, cacheReadTokens: 500 }), [override({})]);
    expect(result.breakdown.cacheRead).toBe(5_000_000n);
    const withCache = priced(call('openai', 'gpt-4o', { inputTokens: 1000, cacheReadTokens: 500 }), [
      override({ cacheReadPerMTok: '0.1' }),
    ]);
    expect(withCache.breakdown.cacheRead).toBe(500_000n);
  });

  it('is ignored before it takes effect', () => {
    const result = priced(call('openai', 'gpt-4o'), [override({ effectiveFrom: new Date('2026-07-01T00:00:00Z') })]);
    expect(result.priceVersion).toBe('genai-prices@0.1.8');
  });

  it('prefers the project override over the organization override', () => {
    const overrides = [override({ id: 'org', inputPerMTok: '1' }), override({ id: 'proj', projectId: 'p1', inputPerMTok: '9' })];
    expect(priceCall(call('openai', 'gpt-4o'), { overrides, projectId: 'p1' })).toMatchObject({ priceVersion: 'override:proj' });
    expect(priceCall(call('openai', 'gpt-4o'), { overrides, projectId: 'p2' })).toMatchObject({ priceVersion: 'override:org' });
    expect(priceCall(call('openai', 'gpt-4o'), { overrides, projectId: null })).toMatchObject({ priceVersion: 'override:org' });
    // Without a project, the caller has already chosen the overrides that apply.
    expect(priceCall(call('openai', 'gpt-4o'), { overrides })).toMatchObject({ priceVersion: 'override:proj' });
  });
});
