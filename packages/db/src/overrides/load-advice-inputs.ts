import { buildCatalog, type Catalog, type PriceOverride } from '@tierlens/analyzer';
import type { Db } from '../client.ts';
import { loadCatalogOverrides } from './load-catalog-overrides.ts';
import { loadPriceOverrides } from './load-price-overrides.ts';

/**
 * What the analyzer needs besides rollups to advise a project: its organization's model
 * catalog (built-in entries with the organization's overrides; overrides that no longer
 * validate are skipped) and the price overrides of the project and its organization.
 */
export async function loadAdviceInputs(db: Db, project: { id: string; organizationId: string }): Promise<{ catalog: Catalog; priceOverrides: PriceOverride[] }> {
  const [catalog, priceOverrides] = await Promise.all([loadOrganizationCatalog(db, project.organizationId), loadPriceOverrides(db, project)]);
  return { catalog, priceOverrides };
}

/**
 * The organization's model catalog: the built-in entries with its overrides applied in the
 * order they were made (an override that no longer validates is skipped). Every page that
 * shows a tier or advises reads the catalog through this, so an override shows everywhere.
 */
export async function loadOrganizationCatalog(db: Db, organizationId: string): Promise<Catalog> {
  const rows = await loadCatalogOverrides(db, organizationId);
  return buildCatalog(rows.flatMap((r) => (r.override ? [r.override] : [])));
}
