import { DEFAULT_CATALOG, type Catalog } from './build-catalog.ts';
import { findInIndex } from './catalog-index.ts';
import type { CatalogEntry } from './catalog-types.ts';

/**
 * Finds a call's model in the catalog, with the same normalization as prices: provider
 * prefixes (`openai/gpt-4o`), release dates (`gpt-4o-2024-08-06`), Bedrock ids and ARNs
 * (`us.anthropic.claude-opus-4-6-v1:0`), Vertex ids (`claude-sonnet-4@20250514`,
 * `publishers/google/models/gemini-2.5-pro`) and dots for dashes (`claude-opus-4.6`).
 * Returns null for models the catalog does not know.
 */
export function lookupModel(provider: string | null, model: string, catalog: Catalog = DEFAULT_CATALOG): CatalogEntry | null {
  return findInIndex(catalog.index, provider, model);
}
