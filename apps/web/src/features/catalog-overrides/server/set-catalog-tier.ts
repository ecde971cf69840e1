import { DEFAULT_CATALOG, lookupModel, type ModelTier } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';
import { updateCatalogOverride } from './update-catalog-override';

/** Sets a model's tier for the organization; setting the built-in tier again drops the tier override. */
export function setCatalogTier(db: Db, input: { organizationId: string; modelId: string; tier: ModelTier }) {
  return updateCatalogOverride(db, input, ({ override }) => {
    const builtinTier = lookupModel(null, override.id, DEFAULT_CATALOG)?.tier;
    const { tier: _previous, ...rest } = override;
    return input.tier === builtinTier ? rest : { ...rest, tier: input.tier };
  });
}
