export { chooseDisplayedCost, type CostPair, type DisplayedCost } from './choose-displayed-cost.ts';
export { computeCost, type CostOutcome, type TokenUsage } from './compute-cost.ts';
export {
  decimalFromNumber,
  divideHalfEven,
  formatDecimal,
  parseDecimal,
  scaleToInteger,
  type ExactDecimal,
} from './decimal.ts';
export {
  findPublicPrice,
  GENAI_PRICES_VERSION,
  PUBLIC_PRICE_VERSION,
  type NoPublicPrice,
  type PublicPrice,
} from './find-public-price.ts';
export {
  listUnpricedModels,
  type ListUnpricedModelsOptions,
  type ModelCallCount,
  type UnpricedModel,
} from './list-unpriced-models.ts';
export { splitUnpricedCalls, type NoUsageModel, type UnpricedCallsByCause } from './split-unpriced-calls.ts';
export { formatUsd, parseUsd, roundUsd, USD_SCALE, type UsdE10 } from './money.ts';
export { modelKey, normalizeModel, type NormalizedModel } from './normalize-model.ts';
export { LOCAL_PROVIDERS, normalizeProvider, OTEL_PROVIDERS } from './normalize-provider.ts';
export { priceCall } from './price-call.ts';
export { describeSheet, sheetFromModelPrice, sheetFromOverride, type PriceSheet } from './price-sheet.ts';
export {
  ZDecimalString,
  ZPriceOverride,
  type AppliedRates,
  type CostBreakdown,
  type PriceCallInput,
  type PriceCallOptions,
  type PricedCall,
  type PriceMatch,
  type PriceOverride,
  type PriceResult,
  type TokenCount,
  type UnpricedCall,
  type UnpricedReason,
} from './price-types.ts';
export {
  repriceCalls,
  type RepriceCallInput,
  type RepricedCall,
  type RepriceResult,
  type RollupDelta,
} from './reprice-calls.ts';
export { selectOverride, type OverrideQuery } from './select-override.ts';
