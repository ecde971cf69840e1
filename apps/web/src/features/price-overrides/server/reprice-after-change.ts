import { formatUsd, parseUsd } from '@tierlens/analyzer';
import { PRICE_OVERRIDE_CACHE_MS, type Db } from '@tierlens/db';
import { repriceStoredCalls, type RepriceSummary } from '@tierlens/db/advice';

type OverrideChange = { organizationId: string; projectId: string | null; provider: string | null; model: string; effectiveFrom: Date };

/**
 * Prices the stored calls an override decides again, from its `effectiveFrom`: in its project,
 * or in every project of the organization for an organization-wide override. Runs after the
 * override is stored or deleted, so the past shows the prices in force now; and once more when
 * every ingest has re-read the overrides (`PRICE_OVERRIDE_CACHE_MS`), in the background, for the
 * calls an ingest priced with the old ones in between. Both passes price with what is in force
 * when they run, so they are idempotent and a later change simply wins.
 */
export async function repriceAfterChange(db: Db, override: OverrideChange): Promise<RepriceSummary & { projects: number; error: string | null }> {
  // The override change stands either way; a failed pass is reported, and the second pass retries it.
  const summary = await repriceOnce(db, override).then(
    (s) => ({ ...s, error: null }),
    (error: unknown) => {
      console.error('[tierlens] re-pricing after a price change failed:', error);
      return { calls: 0, changed: 0, deltaUsd: '0', projects: 0, error: error instanceof Error ? error.message : String(error) };
    },
  );
  const followUpMs = followUpDelay();
  if (followUpMs !== null) {
    setTimeout(() => {
      repriceOnce(db, override).catch((error: unknown) => console.error('[tierlens] re-pricing after a price change failed:', error));
    }, followUpMs).unref();
  }
  return summary;
}

async function repriceOnce(db: Db, override: OverrideChange): Promise<RepriceSummary & { projects: number }> {
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

/** TIERLENS_REPRICE_FOLLOW_UP_MS (`off` to skip the second pass), else the ingest's cache time plus 2 s for in-flight batches. */
function followUpDelay(env: NodeJS.ProcessEnv = process.env): number | null {
  const raw = env.TIERLENS_REPRICE_FOLLOW_UP_MS?.trim();
  if (raw === 'off') return null;
  const ms = raw ? Number(raw) : NaN;
  return Number.isFinite(ms) && ms >= 0 ? ms : PRICE_OVERRIDE_CACHE_MS + 2_000;
}
