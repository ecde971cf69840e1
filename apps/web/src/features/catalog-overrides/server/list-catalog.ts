import { CAPABILITY_QUERY_TYPES, DEFAULT_CATALOG, ZModelTier, buildCatalog, type CapabilityQueryType, type CapabilityEvidence, type ModelTier } from '@tierlens/analyzer';
import { type Db } from '@tierlens/db';
import { loadCatalogOverrides } from '@tierlens/db/advice';

export interface CatalogModelView {
  id: string;
  name: string;
  provider: string;
  tier: ModelTier;
  /** The built-in tier, to show what an override changed. */
  builtinTier: ModelTier;
  openWeights: boolean;
  /** Evidence per query type (in query type order), after the organization's overrides. */
  evidence: { queryType: CapabilityQueryType; overridden: boolean; items: CapabilityEvidence[] }[];
  override: { updatedAt: Date; valid: boolean } | null;
}

/**
 * The built-in catalog with the organization's overrides applied and marked, in catalog order,
 * with the tiers and query types an override may use (so the page needs no analyzer code).
 */
export async function listCatalog(db: Db, organizationId: string): Promise<{ models: CatalogModelView[]; tiers: ModelTier[]; queryTypes: CapabilityQueryType[] }> {
  const stored = await loadCatalogOverrides(db, organizationId);
  const catalog = buildCatalog(stored.flatMap((s) => (s.override ? [s.override] : [])));
  const byModel = new Map(stored.map((s) => [s.modelId, s]));
  const builtin = new Map(DEFAULT_CATALOG.entries.map((e) => [e.id, e]));
  const models = catalog.entries.map((entry) => {
    const s = byModel.get(entry.id);
    const overriddenTypes = new Set(Object.keys(s?.override?.evidence ?? {}));
    return {
      id: entry.id,
      name: entry.name,
      provider: entry.provider,
      tier: entry.tier,
      builtinTier: builtin.get(entry.id)?.tier ?? entry.tier,
      openWeights: entry.openWeights,
      evidence: CAPABILITY_QUERY_TYPES.flatMap((queryType) => {
        const items = entry.evidence[queryType] ?? [];
        const overridden = overriddenTypes.has(queryType);
        return items.length > 0 || overridden ? [{ queryType, overridden, items }] : [];
      }),
      override: s ? { updatedAt: s.updatedAt, valid: s.override !== null } : null,
    };
  });
  return { models, tiers: [...ZModelTier.options], queryTypes: [...CAPABILITY_QUERY_TYPES] };
}
