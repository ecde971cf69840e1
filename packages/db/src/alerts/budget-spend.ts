import type { Db } from '../client.ts';
import { Prisma } from '../generated/prisma/client.ts';

/** What a budget covers, as stored. */
export interface BudgetScope {
  organizationId: string;
  projectId: string | null;
  scope: 'organization' | 'project' | 'feature' | 'query_type' | 'model';
  scopeValue: string;
}

const SCOPE_COLUMN = { feature: 'feature', query_type: 'query_type', model: 'model' } as const;

/**
 * A budget's spend per local day (`YYYY-MM-DD` in `timeZone`) from `from` to `to`, summed from
 * the hourly rollups of the projects it covers. Only whole hours exist in the rollups, so in time
 * zones with a half-hour offset a day's spend is that of the hours starting in it.
 */
export async function loadBudgetDailySpend(
  db: Pick<Db, '$queryRaw'>,
  budget: BudgetScope,
  range: { from: Date; to: Date },
  timeZone: string,
): Promise<Array<{ day: string; costUsd: number }>> {
  const projectFilter = budget.scope === 'organization' || !budget.projectId
    ? Prisma.sql`r.project_id IN (SELECT id FROM projects WHERE organization_id = ${budget.organizationId})`
    : Prisma.sql`r.project_id = ${budget.projectId}::uuid AND r.project_id IN (SELECT id FROM projects WHERE organization_id = ${budget.organizationId})`;
  const valueFilter = budget.scope in SCOPE_COLUMN
    ? Prisma.sql`AND ${Prisma.raw(`r.${SCOPE_COLUMN[budget.scope as keyof typeof SCOPE_COLUMN]}`)} = ${budget.scopeValue}`
    : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ day: string; cost: string }>>`
    SELECT to_char(r.hour AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, sum(r.cost_usd)::text AS cost
    FROM call_rollups_hourly r
    WHERE ${projectFilter} ${valueFilter} AND r.hour >= ${range.from} AND r.hour < ${range.to}
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ day: r.day, costUsd: Number(r.cost) }));
}
