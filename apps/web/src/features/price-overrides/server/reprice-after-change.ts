import { formatUsd, parseUsd } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';
import { repriceStoredCalls, type RepriceSummary } from '@tierlens/reports';

/**
 * Prices the stored calls an override decides again, from its `effectiveFrom`: in its project,
 * or in every project of the organization for an organization-wide override. Runs after the
 * override is stored or deleted, so the past shows the prices in force now.
 */
export async function repriceAfterChange(
  db: Db,
  override: { organizationId: string; projectId: string | null; provider: string | null; model: string; effectiveFrom: Date },
): Promise<RepriceSummary & { projects: number }> {
  const projects = override.projectId
    ? [override.projectId]
    : (await db.project.findMany({ where: { organizationId: override.organizationId }, select: { id: true } })).map((p) => p.id);
  const total = { calls: 0, changed: 0, deltaE10: 0n, projects: projects.length };
  for (const projectId of projects) {
    const r = await repriceStoredCalls(db, {
      projectId,
      organizationId: override.organizationId,
      from: override.effectiveFrom,
      changed: { provider: override.provider, model: override.model },
    });
    total.calls += r.calls;
    total.changed += r.changed;
    total.deltaE10 += parseUsd(r.deltaUsd);
  }
  return { calls: total.calls, changed: total.changed, deltaUsd: formatUsd(total.deltaE10), projects: total.projects };
}
