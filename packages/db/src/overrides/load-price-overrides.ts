import type { PriceOverride } from '@tierlens/analyzer';
import { queryRows, type Queryable } from '../query-rows.ts';

type PriceOverrideRow = {
  id: string; provider: string | null; model: string; input_per_mtok: string; output_per_mtok: string;
  cache_read_per_mtok: string | null; cache_write_per_mtok: string | null; effective_from: Date; project_id: string | null;
};

const PRICE_OVERRIDES_SQL = `
  SELECT id::text, provider, model, input_per_mtok::text, output_per_mtok::text, cache_read_per_mtok::text,
         cache_write_per_mtok::text, effective_from, project_id::text
  FROM price_overrides WHERE organization_id = $1::text AND (project_id IS NULL OR project_id = $2::uuid)`;

/**
 * The price overrides that apply to a project: its own and its organization's, prices as exact
 * decimal strings. The one read of `price_overrides` for the ingest (raw `pg`, cached), the
 * dashboard, re-pricing and the reports (Prisma).
 */
export async function loadPriceOverrides(source: Queryable, project: { id: string; organizationId: string }): Promise<PriceOverride[]> {
  const rows = await queryRows<PriceOverrideRow>(source, PRICE_OVERRIDES_SQL, [project.organizationId, project.id]);
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    model: r.model,
    inputPerMTok: trimDecimal(r.input_per_mtok),
    outputPerMTok: trimDecimal(r.output_per_mtok),
    cacheReadPerMTok: r.cache_read_per_mtok === null ? null : trimDecimal(r.cache_read_per_mtok),
    cacheWritePerMTok: r.cache_write_per_mtok === null ? null : trimDecimal(r.cache_write_per_mtok),
    effectiveFrom: r.effective_from,
    projectId: r.project_id,
  }));
}

/** `1.7500000000` (a DECIMAL(20,10) as Postgres prints it) as `1.75`. */
function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
