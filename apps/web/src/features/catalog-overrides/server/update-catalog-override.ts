import { DEFAULT_CATALOG, ZCatalogOverride, buildCatalog, lookupModel, type CatalogEntry, type CatalogOverride } from '@tierlens/analyzer';
import { type Db, type Prisma } from '@tierlens/db';
import { loadCatalogOverrides } from '@tierlens/db/advice';
import { DomainError } from '@/server/domain-error';

/**
 * Read-modify-write of one model's override: `change` gets the model's entry as the
 * organization sees it now and its current override, and returns the new override (or null to
 * reset). The result is validated with `ZCatalogOverride` and by building the catalog with it,
 * then stored under the built-in model's id. Only models of the built-in catalog can be changed.
 */
export async function updateCatalogOverride(
  db: Db,
  input: { organizationId: string; modelId: string },
  change: (current: { entry: CatalogEntry; override: CatalogOverride }) => CatalogOverride | null,
): Promise<{ modelId: string }> {
  const builtin = lookupModel(null, input.modelId, DEFAULT_CATALOG);
  if (!builtin) throw new DomainError('not_found', `${input.modelId} is not in the model catalog.`);
  const modelId = builtin.id;
  return db.$transaction(async (tx) => {
    // Serialises concurrent edits of the same model's override.
    await tx.$queryRaw`SELECT id FROM catalog_overrides WHERE organization_id = ${input.organizationId} AND model_id = ${modelId} FOR UPDATE`;
    const stored = (await loadCatalogOverrides(tx, input.organizationId)).filter((s) => s.override !== null);
    const mine = stored.find((s) => s.modelId === modelId)?.override ?? { id: modelId };
    const others = stored.filter((s) => s.modelId !== modelId).map((s) => s.override!);
    const entry = lookupModel(null, modelId, buildCatalog([...others, mine]))!;
    const next = change({ entry, override: mine });
    if (next === null || isEmpty(next)) {
      await tx.catalogOverride.deleteMany({ where: { organizationId: input.organizationId, modelId } });
      return { modelId };
    }
    const parsed = ZCatalogOverride.safeParse({ ...next, id: modelId });
    if (!parsed.success) throw new DomainError('invalid', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    buildCatalog([...others, parsed.data]);
    const override = parsed.data as Prisma.InputJsonObject;
    await tx.catalogOverride.upsert({
      where: { organizationId_modelId: { organizationId: input.organizationId, modelId } },
      create: { organizationId: input.organizationId, modelId, override },
      update: { override },
      select: { id: true },
    });
    return { modelId };
  });
}

function isEmpty(override: CatalogOverride): boolean {
  return Object.entries(override).every(([key, value]) => key === 'id' || value === undefined || (key === 'evidence' && Object.keys(value as object).length === 0));
}
