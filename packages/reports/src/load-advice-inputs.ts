import { buildCatalog, ZCatalogOverride, type Catalog, type PriceOverride } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';

/**
 * What the analyzer needs besides rollups to advise a project: its organization's model
 * catalog (built-in entries with the organization's overrides; overrides that no longer
 * validate are skipped) and the price overrides of the project and its organization.
 */
export async function loadAdviceInputs(db: Db, project: { id: string; organizationId: string }): Promise<{ catalog: Catalog; priceOverrides: PriceOverride[] }> {
  const [catalog, priceOverrides] = await Promise.all([loadOrganizationCatalog(db, project.organizationId), loadPriceOverrides(db, project)]);
  return { catalog, priceOverrides };
}

/** The price overrides that apply to a project: its own and its organization's. */
export async function loadPriceOverrides(db: Db, project: { id: string; organizationId: string }): Promise<PriceOverride[]> {
  const rows = await db.priceOverride.findMany({
    where: { organizationId: project.organizationId, OR: [{ projectId: null }, { projectId: project.id }] },
    select: { id: true, provider: true, model: true, inputPerMTok: true, outputPerMTok: true, cacheReadPerMTok: true, cacheWritePerMTok: true, effectiveFrom: true, projectId: true },
  });
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    model: r.model,
    inputPerMTok: r.inputPerMTok.toString(),
    outputPerMTok: r.outputPerMTok.toString(),
    cacheReadPerMTok: r.cacheReadPerMTok?.toString() ?? null,
    cacheWritePerMTok: r.cacheWritePerMTok?.toString() ?? null,
    effectiveFrom: r.effectiveFrom,
    projectId: r.projectId,
  }));
}

/**
 * The organization's model catalog: the built-in entries with its overrides applied in the
 * order they were made (an override that no longer validates is skipped). Every page that
 * shows a tier or advises reads the catalog through this, so an override shows everywhere.
 */
export async function loadOrganizationCatalog(db: Db, organizationId: string): Promise<Catalog> {
  const rows = await db.catalogOverride.findMany({ where: { organizationId }, select: { override: true }, orderBy: { createdAt: 'asc' } });
  return buildCatalog(rows.flatMap((r) => (ZCatalogOverride.safeParse(r.override).success ? [r.override] : [])));
}
