import { listUnpricedModels, type ListUnpricedModelsOptions, type ModelCallCount, type UnpricedModel } from './list-unpriced-models.ts';
import { normalizeProvider } from './normalize-provider.ts';

/** A model whose calls are unpriced although it has a price: their usage never arrived. */
export interface NoUsageModel {
  /** Canonical provider (see `normalizeProvider`). */
  readonly provider: string | null;
  readonly model: string;
  readonly calls: number;
}

/** Unpriced calls told apart by why (see {@link splitUnpricedCalls}). */
export interface UnpricedCallsByCause {
  /** Models without a price: a price override would price their calls. */
  readonly noPrice: UnpricedModel[];
  /**
   * Models that have a price but whose unpriced calls reported no billed usage (no token counts,
   * e.g. a stream read without its usage chunk, or only tokenizer estimates): an override would
   * change nothing, the instrumentation has to report usage.
   */
  readonly noUsage: NoUsageModel[];
}

/**
 * Splits unpriced calls per model into "no price known" and "no usage reported". `rows` hold
 * each (provider, model)'s UNPRICED call count, e.g. rollup `unpriced_calls`. The ingest prices
 * every call whose usage was reported and whose model has a price, so a model `priceCall` can
 * price (at `options.at`, with the overrides) had its unpriced calls for want of usage. Both lists
 * are most calls first; rows of the same canonical provider and model are merged.
 */
export function splitUnpricedCalls(rows: readonly ModelCallCount[], options: ListUnpricedModelsOptions): UnpricedCallsByCause {
  const withCalls = rows.filter((r) => Number(r.calls) > 0);
  const noPrice = listUnpricedModels(withCalls, options);
  const unpriceable = new Set(noPrice.map((m) => `${m.provider ?? ''}\u0000${m.model}`));
  const merged = new Map<string, { provider: string | null; model: string; calls: number }>();
  for (const row of withCalls) {
    const provider = normalizeProvider(row.provider);
    const key = `${provider ?? ''}\u0000${row.model}`;
    if (unpriceable.has(key)) continue;
    const entry = merged.get(key) ?? { provider, model: row.model, calls: 0 };
    entry.calls += Number(row.calls);
    merged.set(key, entry);
  }
  const noUsage = [...merged.values()].sort((a, b) => b.calls - a.calls || a.model.localeCompare(b.model));
  return { noPrice, noUsage };
}
