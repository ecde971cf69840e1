import { buildCatalog, type Catalog } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';
import { loadCatalogOverrides } from './load-catalog-overrides';

/**
 * The model catalog as an organization sees it: the built-in catalog with the organization's
 * overrides. Overrides that no longer validate are skipped rather than breaking every page.
 */
export async function buildOrganizationCatalog(db: Db, organizationId: string): Promise<Catalog> {
  const stored = await loadCatalogOverrides(db, organizationId);
  return buildCatalog(stored.flatMap((s) => (s.override ? [s.override] : [])));
}
