import { computeCost, type TokenUsage } from './compute-cost.ts';
import { findPublicPrice, PUBLIC_PRICE_VERSION } from './find-public-price.ts';
import { formatUsd } from './money.ts';
import { normalizeModel } from './normalize-model.ts';
import { normalizeProvider } from './normalize-provider.ts';
import { describeSheet, sheetFromModelPrice, sheetFromOverride, type PriceSheet } from './price-sheet.ts';
import type { PriceCallInput, PriceCallOptions, PriceMatch, PriceResult, TokenCount, UnpricedCall } from './price-types.ts';
import { selectOverride } from './select-override.ts';

/**
 * Prices one LLM call exactly, from an organization/project override when one applies
 * (see `selectOverride`), else from the bundled `@pydantic/genai-prices` data at the call's
 * date, long-context tiers included. Token counts follow the OpenTelemetry GenAI
 * convention: input includes cache reads and writes, output includes reasoning.
 *
 * Returns `{ status: 'unpriced', reason }` instead of a cost when the model is unknown,
 * local, lacks a rate the call needs, or the token counts are inconsistent: never a
 * silent $0. Pure: no clock, no I/O.
 *
 * @example
 * priceCall({ provider: 'openai', model: 'gpt-4o-2024-08-06', inputTokens: 1000, outputTokens: 100,
 *   cacheReadTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, at: new Date('2026-01-01') })
 * // → { status: 'priced', costUsd: '0.0035', priceVersion: 'genai-prices@0.1.8', … }
 */
export function priceCall(input: PriceCallInput, options: PriceCallOptions = {}): PriceResult {
  const usage = readUsage(input);
  if ('status' in usage) return usage;
  if (Number.isNaN(input.at.getTime())) return unpriced('invalid_usage', 'the call time is not a valid date');
  if (input.model.trim() === '') return unpriced('unknown_model', 'the call has no model');

  const provider = normalizeProvider(input.provider);
  const model = normalizeModel(input.model, provider);

  let sheet: PriceSheet;
  let priceVersion: string;
  let match: PriceMatch;
  let matchedProvider: string | null;
  let matchedModel: string;
  const override = selectOverride(options.overrides ?? [], {
    provider: provider ?? model.host,
    model,
    at: input.at,
    projectId: options.projectId,
  });
  if (override) {
    sheet = sheetFromOverride(override);
    priceVersion = `override:${override.id}`;
    match = 'override';
    matchedProvider = normalizeProvider(override.provider) ?? provider;
    matchedModel = override.model;
  } else {
    const found = findPublicPrice(provider, model, input.at);
    if (found.kind !== 'found') {
      const reason = found.kind === 'local' ? 'local_model' : found.kind === 'error' ? 'price_data_error' : 'unknown_model';
      return unpriced(reason, found.detail);
    }
    sheet = sheetFromModelPrice(found.modelPrice, usage.input);
    priceVersion = PUBLIC_PRICE_VERSION;
    match = found.match;
    matchedProvider = found.providerId;
    matchedModel = found.modelId;
  }

  const cost = computeCost(sheet, usage);
  if (!cost.ok) return unpriced('incomplete_price', `${matchedModel}: ${cost.detail}`);
  return {
    status: 'priced',
    costUsdE10: cost.total,
    costUsd: formatUsd(cost.total),
    priceVersion,
    match,
    matchedProvider,
    matchedModel,
    breakdown: cost.breakdown,
    rates: describeSheet(sheet),
  };
}

function unpriced(reason: UnpricedCall['reason'], detail: string): UnpricedCall {
  return { status: 'unpriced', reason, detail };
}

function toCount(value: TokenCount): bigint | null {
  if (typeof value === 'bigint') return value >= 0n ? value : null;
  return Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : null;
}

function readUsage(input: PriceCallInput): TokenUsage | UnpricedCall {
  const input_ = toCount(input.inputTokens);
  const output = toCount(input.outputTokens);
  const cacheRead = toCount(input.cacheReadTokens);
  const cacheWrite = toCount(input.cacheWriteTokens);
  const reasoning = toCount(input.reasoningTokens);
  if (input_ === null || output === null || cacheRead === null || cacheWrite === null || reasoning === null) {
    return unpriced('invalid_usage', 'token counts must be non-negative integers');
  }
  if (cacheRead + cacheWrite > input_) {
    return unpriced('invalid_usage', `cache tokens (${cacheRead + cacheWrite}) exceed input tokens (${input_})`);
  }
  if (reasoning > output) {
    return unpriced('invalid_usage', `reasoning tokens (${reasoning}) exceed output tokens (${output})`);
  }
  return { input: input_, output, cacheRead, cacheWrite, reasoning };
}
