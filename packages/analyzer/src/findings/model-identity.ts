import type { Catalog } from '../catalog/build-catalog.ts';
import type { CatalogEntry } from '../catalog/catalog-types.ts';
import { lookupModel } from '../catalog/lookup-model.ts';
import { modelKey, normalizeModel } from '../prices/normalize-model.ts';
import { normalizeProvider } from '../prices/normalize-provider.ts';

/** Who a model is: its catalog entry when the catalog knows it, else its normalized name. */
export interface ModelIdentity {
  /** The catalog id, or the normalized undated name (`modelKey`) for models the catalog lacks. */
  readonly identity: string;
  readonly entry: CatalogEntry | null;
  /** The canonical provider (`normalizeProvider`), null when unknown. */
  readonly provider: string | null;
}

/**
 * Returns a memoized resolver from a (raw provider, raw model) pair to its identity, so that
 * `gpt-4o-2024-08-06`, `openai/gpt-4o` and `gpt-4o` count as one model. Memoized per pair:
 * rollups repeat the same few spellings hundreds of thousands of times.
 */
export function createModelIdentity(catalog: Catalog): (provider: string | null, model: string) => ModelIdentity {
  const cache = new Map<string, ModelIdentity>();
  return (provider, model) => {
    const key = `${provider ?? ''}\u0000${model}`;
    let found = cache.get(key);
    if (found === undefined) {
      const canonical = normalizeProvider(provider);
      const entry = lookupModel(canonical, model, catalog);
      const identity = entry ? entry.id : modelKey(normalizeModel(model, canonical).dateless);
      found = { identity, entry, provider: canonical };
      cache.set(key, found);
    }
    return found;
  };
}
