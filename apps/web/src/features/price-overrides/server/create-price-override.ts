import { normalizeProvider } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';
import type { z } from 'zod';
import type { ZPriceOverrideInput } from '../lib/price-override-input';
import { repriceAfterChange } from './reprice-after-change';

/**
 * Stores a price for the organization (every project) or one project. The provider is kept in
 * its canonical spelling (`Azure OpenAI` → `azure.ai.openai`), the one calls are matched by.
 * Ingest picks the change up within seconds, and the calls already stored from its
 * `effectiveFrom` on are priced again (with their rollups), so the past shows the new price.
 */
export async function createPriceOverride(
  db: Db,
  input: { organizationId: string; projectId: string; price: z.output<typeof ZPriceOverrideInput>; now?: Date },
) {
  const p = input.price;
  const created = await db.priceOverride.create({
    data: {
      organizationId: input.organizationId,
      projectId: p.scope === 'project' ? input.projectId : null,
      provider: normalizeProvider(p.provider),
      model: p.model,
      inputPerMTok: p.inputPerMTok,
      outputPerMTok: p.outputPerMTok,
      cacheReadPerMTok: p.cacheReadPerMTok,
      cacheWritePerMTok: p.cacheWritePerMTok,
      effectiveFrom: p.effectiveFrom ?? input.now ?? new Date(),
    },
    select: { id: true, organizationId: true, projectId: true, provider: true, model: true, effectiveFrom: true },
  });
  return { id: created.id, repriced: await repriceAfterChange(db, created) };
}
