import type { ModelPrice } from '@pydantic/genai-prices';
import { decimalFromNumber, formatDecimal, parseDecimal, type ExactDecimal } from './decimal.ts';
import type { AppliedRates, PriceOverride } from './price-types.ts';

/** The exact rates that price one call (long-context tier already chosen). */
export interface PriceSheet {
  /** USD per million tokens. */
  readonly input: ExactDecimal | null;
  readonly output: ExactDecimal | null;
  readonly cacheRead: ExactDecimal | null;
  readonly cacheWrite: ExactDecimal | null;
  readonly reasoning: ExactDecimal | null;
  /** USD per thousand requests. */
  readonly perThousandRequests: ExactDecimal | null;
  /** The tier applied: it starts above this many input tokens; null for base prices. */
  readonly tierAboveInputTokens: number | null;
}

interface TieredValue {
  base: number;
  tiers: { start: number; price: number }[];
}

function isTiered(value: unknown): value is TieredValue {
  return typeof value === 'object' && value !== null && 'base' in value && 'tiers' in value;
}

/**
 * Builds the sheet for one call from a genai-prices `ModelPrice`. Tiered prices follow
 * genai-prices: the whole call is billed at the highest tier whose `start` is below the
 * call's total input tokens (cache reads and writes included), for every tiered rate.
 */
export function sheetFromModelPrice(price: ModelPrice, totalInputTokens: bigint): PriceSheet {
  // Sheets are remembered per price and per set of tiers crossed: the ingest prices every call,
  // and turning genai-prices' floats into exact decimals is most of the cost of pricing one.
  const key = crossedTiers(price, totalInputTokens);
  let byTiers = sheets.get(price);
  if (!byTiers) {
    byTiers = new Map();
    sheets.set(price, byTiers);
  }
  let sheet = byTiers.get(key);
  if (!sheet) {
    sheet = buildSheet(price, totalInputTokens);
    byTiers.set(key, sheet);
  }
  return sheet;
}

const sheets = new WeakMap<ModelPrice, Map<string, PriceSheet>>();

/** The starts of every tier the call's input tokens are above, as a key. */
function crossedTiers(price: ModelPrice, totalInputTokens: bigint): string {
  let key = '';
  for (const value of Object.values(price)) {
    if (!isTiered(value)) continue;
    for (const tier of value.tiers) if (totalInputTokens > BigInt(tier.start)) key += `${tier.start},`;
  }
  return key;
}

function buildSheet(price: ModelPrice, totalInputTokens: bigint): PriceSheet {
  let tierAboveInputTokens: number | null = null;
  const rate = (key: string): ExactDecimal | null => {
    const value: unknown = price[key];
    if (typeof value === 'number') return decimalFromNumber(value);
    if (!isTiered(value)) return null;
    let chosen = value.base;
    for (const tier of [...value.tiers].sort((a, b) => a.start - b.start)) {
      if (totalInputTokens > BigInt(tier.start)) {
        chosen = tier.price;
        tierAboveInputTokens = Math.max(tierAboveInputTokens ?? 0, tier.start);
      }
    }
    return decimalFromNumber(chosen);
  };
  const rates = {
    input: rate('input_mtok'),
    output: rate('output_mtok'),
    cacheRead: rate('cache_read_mtok'),
    cacheWrite: rate('cache_write_mtok'),
    reasoning: rate('output_reasoning_mtok'),
    perThousandRequests: rate('requests_kcount'),
  };
  return { ...rates, tierAboveInputTokens: tierAboveInputTokens as number | null };
}

/** Builds the sheet for an override (flat prices, no tiers). */
export function sheetFromOverride(override: PriceOverride): PriceSheet {
  const optional = (value: string | null | undefined) =>
    value === null || value === undefined ? null : parseDecimal(value);
  return {
    input: parseDecimal(override.inputPerMTok),
    output: parseDecimal(override.outputPerMTok),
    cacheRead: optional(override.cacheReadPerMTok),
    cacheWrite: optional(override.cacheWritePerMTok),
    reasoning: null,
    perThousandRequests: null,
    tierAboveInputTokens: null,
  };
}

/** The sheet's rates as decimal strings, for display and audit. */
export function describeSheet(sheet: PriceSheet): AppliedRates {
  const text = (value: ExactDecimal | null) => (value === null ? null : formatDecimal(value));
  return {
    inputPerMTok: text(sheet.input),
    outputPerMTok: text(sheet.output),
    cacheReadPerMTok: text(sheet.cacheRead),
    cacheWritePerMTok: text(sheet.cacheWrite),
    reasoningPerMTok: text(sheet.reasoning),
    perThousandRequests: text(sheet.perThousandRequests),
    tierAboveInputTokens: sheet.tierAboveInputTokens,
  };
}
