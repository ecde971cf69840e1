import { normalizeProvider } from './normalize-provider.ts';
import { priceCall } from './price-call.ts';
import type { PriceCallOptions, UnpricedReason } from './price-types.ts';

/** A (provider, model) pair and how many calls it had, e.g. one row of a rollup query. */
export interface ModelCallCount {
  readonly provider: string | null;
  readonly model: string;
  readonly calls: number | bigint;
}

/** A model that has no price, with its calls: what to add an override for. */
export interface UnpricedModel {
  /** Canonical provider (see `normalizeProvider`). */
  readonly provider: string | null;
  /** The model id as it arrived. */
  readonly model: string;
  readonly calls: number;
  readonly reason: UnpricedReason;
  readonly detail: string;
}

/** Options for {@link listUnpricedModels}. */
export interface ListUnpricedModelsOptions extends PriceCallOptions {
  /** The time to check prices at (overrides and dated prices depend on it). */
  readonly at: Date;
}

/**
 * Lists the models that `priceCall` cannot price, with their call counts, most calls
 * first. Rows of the same canonical provider and model are merged. Usage does not change
 * whether a model is known, so each model is checked with one token in and out.
 */
export function listUnpricedModels(
  rows: readonly ModelCallCount[],
  options: ListUnpricedModelsOptions,
): UnpricedModel[] {
  const merged = new Map<string, { provider: string | null; model: string; calls: number }>();
  for (const row of rows) {
    const provider = normalizeProvider(row.provider);
    const key = `${provider ?? ''}\u0000${row.model}`;
    const entry = merged.get(key) ?? { provider, model: row.model, calls: 0 };
    entry.calls += Number(row.calls);
    merged.set(key, entry);
  }
  const unpriced: UnpricedModel[] = [];
  for (const entry of merged.values()) {
    const result = priceCall(
      {
        provider: entry.provider,
        model: entry.model,
        inputTokens: 1,
        outputTokens: 1,
        cacheReadTokens: 0,
        cacheWriteTokens: 0,
        reasoningTokens: 0,
        at: options.at,
      },
      options,
    );
    if (result.status === 'unpriced') {
      unpriced.push({ ...entry, reason: result.reason, detail: result.detail });
    }
  }
  return unpriced.sort(
    (a, b) => b.calls - a.calls || a.model.localeCompare(b.model) || (a.provider ?? '').localeCompare(b.provider ?? ''),
  );
}
