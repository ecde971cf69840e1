import type pg from 'pg';
import type { PriceOverride } from '@tierlens/analyzer';
import { PRICE_OVERRIDE_CACHE_MS } from '@tierlens/db';

/**
 * The price overrides that apply to a project (its own and its organization's), re-read every
 * few seconds so a change in Settings reaches every ingest process quickly.
 */
export class PriceOverrideCache {
  private readonly cache = new Map<string, { value: PriceOverride[]; expiresAt: number }>();

  constructor(private readonly pool: pg.Pool, private readonly ttlMs = PRICE_OVERRIDE_CACHE_MS) {}

  async get(projectId: string, organizationId: string): Promise<PriceOverride[]> {
    const hit = this.cache.get(projectId);
    if (hit && hit.expiresAt > Date.now()) return hit.value;
    const { rows } = await this.pool.query<{
      id: string; provider: string | null; model: string; input_per_mtok: string; output_per_mtok: string;
      cache_read_per_mtok: string | null; cache_write_per_mtok: string | null; effective_from: Date; project_id: string | null;
    }>(
      `SELECT id, provider, model, input_per_mtok::text, output_per_mtok::text, cache_read_per_mtok::text,
              cache_write_per_mtok::text, effective_from, project_id
       FROM price_overrides WHERE organization_id = $1 AND (project_id IS NULL OR project_id = $2)`,
      [organizationId, projectId],
    );
    const value: PriceOverride[] = rows.map((r) => ({
      id: r.id,
      provider: r.provider,
      model: r.model,
      inputPerMTok: r.input_per_mtok,
      outputPerMTok: r.output_per_mtok,
      cacheReadPerMTok: r.cache_read_per_mtok,
      cacheWritePerMTok: r.cache_write_per_mtok,
      effectiveFrom: r.effective_from,
      projectId: r.project_id,
    }));
    this.cache.set(projectId, { value, expiresAt: Date.now() + this.ttlMs });
    return value;
  }
}
