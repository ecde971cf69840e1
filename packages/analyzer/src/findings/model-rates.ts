import { priceCall } from '../prices/price-call.ts';
import type { PriceOverride, PricedCall } from '../prices/price-types.ts';

/** A model's prices as USD per token (per request for `perRequest`), for estimates. */
export interface ModelRates {
  readonly input: number;
  readonly cacheRead: number;
  readonly cacheWrite: number;
  readonly output: number;
  readonly reasoning: number;
  readonly perRequest: number;
  readonly priceVersion: string;
}

/** Token totals of some calls (OpenTelemetry convention: input ⊇ cache, output ⊇ reasoning). */
export interface TokenMix {
  readonly calls: number;
  readonly input: number;
  readonly output: number;
  readonly cacheRead: number;
  readonly cacheWrite: number;
  readonly reasoning: number;
}

/** The estimated cost in USD of a token mix at `rates` (linear in the tokens). */
export function costOf(rates: ModelRates, mix: TokenMix): number {
  const uncached = Math.max(0, mix.input - mix.cacheRead - mix.cacheWrite);
  const visibleOutput = Math.max(0, mix.output - mix.reasoning);
  return (
    uncached * rates.input +
    mix.cacheRead * rates.cacheRead +
    mix.cacheWrite * rates.cacheWrite +
    visibleOutput * rates.output +
    mix.reasoning * rates.reasoning +
    mix.calls * rates.perRequest
  );
}

/** Finds a model's rates for calls averaging `inputPerCall` input tokens; null when unpriced. */
export type RateBook = (provider: string | null, model: string, inputPerCall: number) => ModelRates | null;

const PROBE_TOP_INPUT = 10_000_000;

/**
 * A memoized source of per-token rates from `priceCall` (overrides first, then the bundled
 * genai-prices data) at one date. `priceCall` is exact but costs about a third of a
 * millisecond, so each model is priced with two probe calls (plain, and with a huge input
 * to find its long-context tier) and the rates are reused: estimates are linear in tokens
 * below and above the tier start. Models with several tiers are priced at each call size.
 */
export function createRateBook(at: Date, overrides: readonly PriceOverride[] = []): RateBook {
  const cache = new Map<string, { base: ModelRates; top: ModelRates | null; tierStart: number; multi: boolean } | null>();
  const exact = new Map<string, ModelRates | null>();
  const probe = (provider: string | null, model: string, input: number): PricedCall | null => {
    const result = priceCall(
      { provider, model, inputTokens: input, outputTokens: 1000, cacheReadTokens: 100, cacheWriteTokens: 100, reasoningTokens: 100, at },
      { overrides },
    );
    return result.status === 'priced' ? result : null;
  };
  return (provider, model, inputPerCall) => {
    const key = `${provider ?? ''}\u0000${model}`;
    let book = cache.get(key);
    if (book === undefined) {
      const base = probe(provider, model, 1000);
      if (base === null) {
        book = null;
      } else {
        const top = probe(provider, model, PROBE_TOP_INPUT);
        const tierStart = top?.rates.tierAboveInputTokens ?? null;
        const below = tierStart === null ? null : probe(provider, model, tierStart);
        book = {
          base: ratesOf(base),
          top: top && tierStart !== null ? ratesOf(top) : null,
          tierStart: tierStart ?? Number.POSITIVE_INFINITY,
          multi: below !== null && below.rates.tierAboveInputTokens !== null,
        };
      }
      cache.set(key, book);
    }
    if (book === null) return null;
    if (inputPerCall <= book.tierStart || book.top === null) return book.base;
    if (!book.multi) return book.top;
    const size = Math.round(inputPerCall);
    const exactKey = `${key}\u0000${size}`;
    if (!exact.has(exactKey)) {
      const priced = probe(provider, model, Math.max(size, 300));
      exact.set(exactKey, priced ? ratesOf(priced) : null);
    }
    return exact.get(exactKey) ?? null;
  };
}

function ratesOf(priced: PricedCall): ModelRates {
  const perToken = (perMTok: string | null): number | null => (perMTok === null ? null : Number(perMTok) / 1e6);
  const input = perToken(priced.rates.inputPerMTok) ?? 0;
  const output = perToken(priced.rates.outputPerMTok) ?? 0;
  return {
    input,
    cacheRead: perToken(priced.rates.cacheReadPerMTok) ?? input,
    cacheWrite: perToken(priced.rates.cacheWritePerMTok) ?? input,
    output,
    reasoning: perToken(priced.rates.reasoningPerMTok) ?? output,
    perRequest: priced.rates.perThousandRequests === null ? 0 : Number(priced.rates.perThousandRequests) / 1000,
    priceVersion: priced.priceVersion,
  };
}
