import { z } from 'zod';
import { builtinCatalogEntries } from './builtin-catalog.ts';
import { findInIndex, indexEntries, type CatalogIndex } from './catalog-index.ts';
import { ZCatalogEntry, ZCatalogOverride, type CatalogEntry } from './catalog-types.ts';

/** A model catalog: built-in entries with a user's overrides merged in. */
export interface Catalog {
  readonly entries: readonly CatalogEntry[];
  /** Entries by normalized name; use `lookupModel` rather than reading it. */
  readonly index: CatalogIndex;
}

/**
 * Builds the catalog from the built-in entries and a user's overrides (validated with
 * {@link ZCatalogOverride}; throws a `ZodError` on invalid input). An override whose `id`
 * names a built-in model (by id, alias or any spelling `lookupModel` understands) changes
 * that entry: given fields replace the built-in ones, `aliases` are added, and `evidence`
 * replaces the built-in evidence of only the query types it lists. Any other override adds
 * a model and must be a complete entry (`name` defaults to the id).
 */
export function buildCatalog(overrides: unknown = []): Catalog {
  const parsed = z.array(ZCatalogOverride).parse(overrides);
  const entries = builtinCatalogEntries();
  for (const override of parsed) {
    const existing = findInIndex(indexEntries(entries), override.provider ?? null, override.id);
    if (existing) {
      // The name the user wrote becomes an alias too, so their spelling keeps resolving.
      const aliases = [...existing.aliases, ...(override.aliases ?? []), override.id].filter((a) => a !== existing.id);
      const merged = ZCatalogEntry.parse({
        ...existing,
        ...definedFields(override),
        id: existing.id,
        aliases: [...new Set(aliases)],
        evidence: { ...existing.evidence, ...(override.evidence ?? {}) },
      });
      entries[entries.indexOf(existing)] = merged;
    } else {
      entries.push(ZCatalogEntry.parse({ name: override.id, ...definedFields(override) }));
    }
  }
  return { entries, index: indexEntries(entries) };
}

function definedFields<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The catalog with no overrides, built once. */
export const DEFAULT_CATALOG: Catalog = buildCatalog();
