import { describeSheet, findPublicPrice, normalizeModel, normalizeProvider, sheetFromModelPrice } from '@tierlens/analyzer';

/** The public list price of a model, as the analyzer finds it, or why there is none. */
export type PublicPriceView =
  | {
      found: true;
      /** The price data's provider and model ids, e.g. `openai` / `gpt-4o`. */
      provider: string;
      model: string;
      match: 'exact' | 'normalized' | 'vendor_fallback';
      inputPerMTok: string | null;
      outputPerMTok: string | null;
      cacheReadPerMTok: string | null;
      cacheWritePerMTok: string | null;
    }
  | { found: false; detail: string };

/**
 * The public price the analyzer would use for `model` at `provider` (null: any) on `at`,
 * without overrides: base rates (long-context tiers are not shown), in USD per million tokens.
 */
export function describePublicPrice(provider: string | null, model: string, at: Date): PublicPriceView {
  const canonical = normalizeProvider(provider);
  const found = findPublicPrice(canonical, normalizeModel(model, canonical), at);
  if (found.kind !== 'found') return { found: false, detail: found.detail };
  const rates = describeSheet(sheetFromModelPrice(found.modelPrice, 0n));
  return {
    found: true,
    provider: found.providerId,
    model: found.modelId,
    match: found.match,
    inputPerMTok: rates.inputPerMTok,
    outputPerMTok: rates.outputPerMTok,
    cacheReadPerMTok: rates.cacheReadPerMTok,
    cacheWritePerMTok: rates.cacheWritePerMTok,
  };
}
