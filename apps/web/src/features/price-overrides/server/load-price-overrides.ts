import type { PriceOverride } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';

/** The overrides that apply to a project (its organization's and its own), as the analyzer takes them. */
export async function loadPriceOverrides(db: Db, organizationId: string, projectId: string): Promise<PriceOverride[]> {
  const rows = await db.priceOverride.findMany({
    where: { organizationId, OR: [{ projectId: null }, { projectId }] },
    select: { id: true, projectId: true, provider: true, model: true, inputPerMTok: true, outputPerMTok: true, cacheReadPerMTok: true, cacheWritePerMTok: true, effectiveFrom: true },
  });
  return rows.map((r) => ({
    id: r.id,
    projectId: r.projectId,
    provider: r.provider,
    model: r.model,
    inputPerMTok: r.inputPerMTok.toString(),
    outputPerMTok: r.outputPerMTok.toString(),
    cacheReadPerMTok: r.cacheReadPerMTok?.toString() ?? null,
    cacheWritePerMTok: r.cacheWritePerMTok?.toString() ?? null,
    effectiveFrom: r.effectiveFrom,
  }));
}
