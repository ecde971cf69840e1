import type { Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';

/** Deletes an override of the organization or of this project (other projects' overrides are not found). */
export async function deletePriceOverride(db: Db, input: { organizationId: string; projectId: string; priceOverrideId: string }): Promise<void> {
  const { count } = await db.priceOverride.deleteMany({
    where: { id: input.priceOverrideId, organizationId: input.organizationId, OR: [{ projectId: null }, { projectId: input.projectId }] },
  });
  if (count === 0) throw new DomainError('not_found', 'No such price override.');
}
