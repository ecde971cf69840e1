import type { Db } from '@tierlens/db';
import type { BudgetRecord } from './evaluate-budgets.ts';

const budgetSelect = {
  id: true, organizationId: true, projectId: true, scope: true, scopeValue: true, name: true,
  period: true, timeZone: true, limitUsd: true, thresholds: true,
} as const;

type Row = { id: string; organizationId: string; projectId: string | null; scope: string; scopeValue: string; name: string; period: string; timeZone: string; limitUsd: { toString(): string }; thresholds: number[] };

const toRecord = (r: Row): BudgetRecord => ({ ...r, scope: r.scope as BudgetRecord['scope'], period: r.period as BudgetRecord['period'], limitUsd: Number(r.limitUsd.toString()) });

/** Every budget of every organization, for the scheduler. */
export async function listAllBudgets(db: Db): Promise<BudgetRecord[]> {
  return (await db.budget.findMany({ select: budgetSelect, orderBy: { createdAt: 'asc' } })).map(toRecord);
}

/**
 * The budgets that concern a project: its own, and its organization's organization-wide ones.
 * With no project, the organization's budgets of every kind.
 */
export async function listBudgets(db: Db, where: { organizationId: string; projectId?: string | null }): Promise<BudgetRecord[]> {
  const rows = await db.budget.findMany({
    where: where.projectId
      ? { organizationId: where.organizationId, OR: [{ projectId: where.projectId }, { scope: 'organization' }] }
      : { organizationId: where.organizationId },
    select: budgetSelect,
    orderBy: { createdAt: 'asc' },
  });
  return rows.map(toRecord);
}
