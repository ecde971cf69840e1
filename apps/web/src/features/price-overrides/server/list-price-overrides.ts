import type { Db, Prisma } from '@tierlens/db';
import { describePublicPrice } from './describe-public-price';
import { decimalText } from './decimal-text';

const priceOverrideListSelect = {
  id: true,
  projectId: true,
  provider: true,
  model: true,
  inputPerMTok: true,
  outputPerMTok: true,
  cacheReadPerMTok: true,
  cacheWritePerMTok: true,
  effectiveFrom: true,
  createdAt: true,
} satisfies Prisma.PriceOverrideSelect;

/**
 * The price overrides that apply to a project: its organization's and its own (not other
 * projects'), newest first, each with the model's public price for comparison.
 */
export async function listPriceOverrides(db: Db, input: { organizationId: string; projectId: string; now?: Date }) {
  const now = input.now ?? new Date();
  const rows = await db.priceOverride.findMany({
    where: { organizationId: input.organizationId, OR: [{ projectId: null }, { projectId: input.projectId }] },
    select: priceOverrideListSelect,
    orderBy: [{ model: 'asc' }, { effectiveFrom: 'desc' }],
  });
  return rows.map((r) => ({
    id: r.id,
    scope: r.projectId === null ? ('organization' as const) : ('project' as const),
    provider: r.provider,
    model: r.model,
    inputPerMTok: decimalText(r.inputPerMTok),
    outputPerMTok: decimalText(r.outputPerMTok),
    cacheReadPerMTok: r.cacheReadPerMTok === null ? null : decimalText(r.cacheReadPerMTok),
    cacheWritePerMTok: r.cacheWritePerMTok === null ? null : decimalText(r.cacheWritePerMTok),
    effectiveFrom: r.effectiveFrom,
    inForce: r.effectiveFrom.getTime() <= now.getTime(),
    createdAt: r.createdAt,
    publicPrice: describePublicPrice(r.provider, r.model, now),
  }));
}
