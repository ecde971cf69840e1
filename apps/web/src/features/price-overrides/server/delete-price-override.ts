import type { Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';
import { repriceAfterChange } from './reprice-after-change';

/**
 * Deletes an override of the organization or of this project (other projects' overrides are not
 * found), then prices the calls it priced again with what applies without it.
 */
export async function deletePriceOverride(db: Db, input: { organizationId: string; projectId: string; priceOverrideId: string }) {
  const where = { id: input.priceOverrideId, organizationId: input.organizationId, OR: [{ projectId: null }, { projectId: input.projectId }] };
  const override = await db.priceOverride.findFirst({ where, select: { organizationId: true, projectId: true, provider: true, model: true, effectiveFrom: true } });
  const { count } = await db.priceOverride.deleteMany({ where });
  if (!override || count === 0) throw new DomainError('not_found', 'No such price override.');
  return { repriced: await repriceAfterChange(db, override) };
}
