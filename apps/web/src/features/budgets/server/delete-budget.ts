import type { Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';

/** Deletes one of the project's budgets, or one of its organization's organization-wide budgets. */
export async function deleteBudget(db: Db, input: { organizationId: string; projectId: string; budgetId: string }) {
  const { count } = await db.budget.deleteMany({
    where: { id: input.budgetId, organizationId: input.organizationId, OR: [{ projectId: input.projectId }, { scope: 'organization' }] },
  });
  if (count === 0) throw new DomainError('not_found', 'No such budget.');
  return { deleted: true };
}
