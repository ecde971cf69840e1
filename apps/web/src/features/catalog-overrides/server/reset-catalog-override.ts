import type { Db } from '@tierlens/db';
import { updateCatalogOverride } from './update-catalog-override';

/** Drops the organization's override of a model, back to the built-in tier and evidence. */
export function resetCatalogOverride(db: Db, input: { organizationId: string; modelId: string }) {
  return updateCatalogOverride(db, input, () => null);
}
