import { calcPrice } from '@pydantic/genai-prices';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { priceCall } from './price-call.ts';
import type { PriceCallInput, PriceOverride, PricedCall } from './price-types.ts';

interface Usage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
}

/** Usage that follows the OpenTelemetry convention (cache inside input, reasoning inside output). */
const usageArb = (max = 2_000_000): fc.Arbitrary<Usage> =>
  fc
    .record({
      uncached: fc.integer({ min: 0, max }),
      cacheRead: fc.integer({ min: 0, max }),
      cacheWrite: fc.integer({ min: 0, max: max / 4 }),
      visibleOutput: fc.integer({ min: 0, max: max / 10 }),
      reasoning: fc.integer({ min: 0, max: max / 10 }),
    })
    .map((u) => ({
      inputTokens: u.uncached + u.cacheRead + u.cacheWrite,
      cacheReadTokens: u.cacheRead,
      cacheWriteTokens: u.cacheWrite,
      outputTokens: u.visibleOutput + u.reasoning,
      reasoningTokens: u.reasoning,
    }));

const add = (a: Usage, b: Usage): Usage => ({
  inputTokens: a.inputTokens + b.inputTokens,
  outputTokens: a.outputTokens + b.outputTokens,
  cacheReadTokens: a.cacheReadTokens + b.cacheReadTokens,
  cacheWriteTokens: a.cacheWriteTokens + b.cacheWriteTokens,
  reasoningTokens: a.reasoningTokens + b.reasoningTokens,
});

const at = new Date('2026-06-01T12:00:00Z');

function price(provider: string | null, model: string, usage: Usage, overrides?: PriceOverride[]): PricedCall {
  const input: PriceCallInput = { provider, model, at, ...usage };
  const result = priceCall(input, overrides ? { overrides } : {});
  if (result.status !== 'priced') throw new Error(`unpriced: ${result.detail}`);
  return result;
}

// Flat prices with at most 4 decimals per million tokens: every cost is a whole number
// of 10^-10 USD, so sums are exact.
const FLAT_MODELS: [string, string][] = [
  ['openai', 'gpt-4o'],
  ['openai', 'gpt-4o-mini'],
  ['openai', 'gpt-5-nano'],
  ['anthropic', 'claude-sonnet-4-6'],
  ['anthropic', 'claude-haiku-4-5'],
  ['aws.bedrock', 'us.anthropic.claude-opus-4-6-v1:0'],
  ['mistral_ai', 'mistral-large-latest'],
];
// Tiered, dated, per-request and reasoning-priced entries as well.
const ALL_MODELS: [string, string][] = [
  ...FLAT_MODELS,
  ['google', 'gemini-2.5-pro'],
  ['gcp.vertex_ai', 'gemini-1.5-pro'],
  ['anthropic', 'claude-sonnet-4-5'],
  ['openai', 'gpt-5.4'],
  ['deepseek', 'deepseek-chat'],
  ['perplexity', 'sonar'],
  ['perplexity', 'sonar-deep-research'],
  ['gcp.vertex_ai', 'claude-opus-4-6'],
];

const decimalPrice = (maxDecimals: number) =>
  fc
    .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 10 ** maxDecimals - 1 }))
    .map(([whole, fraction]) => `${whole}.${String(fraction).padStart(maxDecimals, '0')}`);

const overrideArb = (maxDecimals: number): fc.Arbitrary<PriceOverride> =>
  fc.record({
    id: fc.constant('o'),
    provider: fc.constant(null),
    model: fc.constant('acme-model'),
    inputPerMTok: decimalPrice(maxDecimals),
    outputPerMTok: decimalPrice(maxDecimals),
    cacheReadPerMTok: fc.option(decimalPrice(maxDecimals), { nil: null }),
    cacheWritePerMTok: fc.option(decimalPrice(maxDecimals), { nil: null }),
    effectiveFrom: fc.constant(new Date('2026-01-01T00:00:00Z')),
    projectId: fc.constant(null),
  });

describe('priceCall properties', () => {
  it('is additive for flat prices: price(a + b) = price(a) + price(b)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FLAT_MODELS), usageArb(), usageArb(), ([provider, model], a, b) => {
        const sum = price(provider, model, add(a, b)).costUsdE10;
        return sum === price(provider, model, a).costUsdE10 + price(provider, model, b).costUsdE10;
      }),
    );
  });

  it('is additive for overrides with up to 4 decimals, and within rounding beyond', () => {
    fc.assert(
      fc.property(overrideArb(4), usageArb(), usageArb(), (override, a, b) => {
        const p = (u: Usage) => price('openai', 'acme-model', u, [override]).costUsdE10;
        return p(add(a, b)) === p(a) + p(b);
      }),
    );
    fc.assert(
      fc.property(overrideArb(10), usageArb(), usageArb(), (override, a, b) => {
        const p = (u: Usage) => price('openai', 'acme-model', u, [override]).costUsdE10;
        const gap = p(add(a, b)) - p(a) - p(b);
        return gap >= -4n && gap <= 4n; // each of the 4 parts rounds by at most half a unit, twice
      }),
    );
  });

  it('is never negative, and the breakdown adds up to the total', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_MODELS), usageArb(), ([provider, model], usage) => {
        const result = price(provider, model, usage);
        const { input, cacheRead, cacheWrite, output, reasoning, request } = result.breakdown;
        const parts = [input, cacheRead, cacheWrite, output, reasoning, request];
        return parts.every((part) => part >= 0n) && parts.reduce((x, y) => x + y, 0n) === result.costUsdE10;
      }),
    );
  });

  it('is monotonic: using more tokens of any kind never costs less (tiers included)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_MODELS), usageArb(), usageArb(300_000), ([provider, model], usage, more) => {
        return price(provider, model, add(usage, more)).costUsdE10 >= price(provider, model, usage).costUsdE10;
      }),
    );
  });

  it('matches the genai-prices float total to within rounding', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ALL_MODELS), usageArb(), ([provider, model], usage) => {
        const exact = price(provider, model, usage);
        const float = calcPrice(
          {
            input_tokens: usage.inputTokens,
            output_tokens: usage.outputTokens,
            cache_read_tokens: usage.cacheReadTokens,
            cache_write_tokens: usage.cacheWriteTokens,
            output_reasoning_tokens: usage.reasoningTokens,
          },
          model,
          { providerId: exact.matchedProvider ?? undefined, timestamp: at },
        );
        expect(float).not.toBeNull();
        const floatE10 = (float?.total_price ?? Number.NaN) * 1e10;
        const difference = Math.abs(Number(exact.costUsdE10) - floatE10);
        return difference <= 6 + floatE10 * 1e-12;
      }),
    );
  });
});
