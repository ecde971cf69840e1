import type pg from 'pg';
import type { PriceOverride } from '@tierlens/analyzer';
import { loadPriceOverrides, PRICE_OVERRIDE_CACHE_MS } from '@tierlens/db';

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
    const value = await loadPriceOverrides(this.pool, { id: projectId, organizationId });
    this.cache.set(projectId, { value, expiresAt: Date.now() + this.ttlMs });
    return value;
  }
}
