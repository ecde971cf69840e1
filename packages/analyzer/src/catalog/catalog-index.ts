import { modelKey, normalizeModel } from '../prices/normalize-model.ts';
import { normalizeProvider } from '../prices/normalize-provider.ts';
import type { CatalogEntry } from './catalog-types.ts';

/** Catalog entries by every normalized name they answer to. */
export type CatalogIndex = ReadonlyMap<string, CatalogEntry>;

/** The keys a name is indexed and looked up under (same normalization as prices). */
function keysFor(name: string, provider: string | null): string[] {
  const normalized = normalizeModel(name, provider);
  return [...new Set([modelKey(normalized.model), modelKey(normalized.dateless)])];
}

/** Indexes entries by id and aliases; a later entry wins a name an earlier one also claims. */
export function indexEntries(entries: readonly CatalogEntry[]): CatalogIndex {
  const index = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    for (const name of [entry.id, ...entry.aliases]) {
      // Index the exact normalized name only: dateless forms are tried at lookup time.
      index.set(modelKey(normalizeModel(name, entry.provider).model), entry);
    }
  }
  return index;
}

/** Finds the entry for a (raw) provider and model id, trying the dated, then undated name. */
export function findInIndex(index: CatalogIndex, provider: string | null, model: string): CatalogEntry | null {
  for (const key of keysFor(model, normalizeProvider(provider))) {
    const entry = index.get(key);
    if (entry) return entry;
  }
  return null;
}
