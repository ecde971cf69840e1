import { ZCatalogOverride, type CatalogOverride } from '@tierlens/analyzer';
import type { Db } from '../client.ts';
import type { Prisma } from '../generated/prisma/client.ts';

/** A stored catalog override; `override` is null when it no longer passes `ZCatalogOverride`. */
export interface StoredCatalogOverride {
  modelId: string;
  override: CatalogOverride | null;
  updatedAt: Date;
}

/** The organization's catalog overrides, oldest first (the order `buildCatalog` applies them in). */
export async function loadCatalogOverrides(db: Db | Prisma.TransactionClient, organizationId: string): Promise<StoredCatalogOverride[]> {
  const rows = await db.catalogOverride.findMany({
    where: { organizationId },
    select: { modelId: true, override: true, updatedAt: true },
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => {
    const parsed = ZCatalogOverride.safeParse(r.override);
    return { modelId: r.modelId, override: parsed.success ? (r.override as CatalogOverride) : null, updatedAt: r.updatedAt };
  });
}
