import type { Db } from '@tierlens/db';
import { ZBudgetInput, type BudgetInput } from '../lib/budget-input';

/** Creates a budget of the project, or of its organization when the scope is `organization`. */
export async function createBudget(db: Db, input: { organizationId: string; projectId: string; userId: string; budget: BudgetInput }) {
  const b = ZBudgetInput.parse(input.budget);
  const orgWide = b.scope === 'organization';
  const created = await db.budget.create({
    data: {
      organizationId: input.organizationId,
      projectId: orgWide ? null : input.projectId,
      scope: b.scope,
      scopeValue: orgWide || b.scope === 'project' ? '' : b.scopeValue,
      name: b.name,
      period: b.period,
      timeZone: b.timeZone,
      limitUsd: b.limitUsd,
      thresholds: [...new Set(b.thresholds)].sort((x, y) => x - y),
      createdById: input.userId,
    },
    select: { id: true },
  });
  return created;
}
