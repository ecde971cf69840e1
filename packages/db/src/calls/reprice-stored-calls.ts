import { formatUsd, normalizeModel, normalizeProvider, repriceCalls, selectOverride, type PriceOverride, type RepriceCallInput } from '@tierlens/analyzer';
import type { Db } from '../client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { loadPriceOverrides } from '../overrides/load-price-overrides.ts';
import { withConflictRetry } from '../retry-on-conflict.ts';
import { ROLLUP_DIMENSIONS } from '../rollups/rollup-measures.ts';

/** Which stored calls to price again: a project's calls from `from` (to `to`) whose price a changed override decides. */
export interface RepriceScope {
  projectId: string;
  organizationId: string;
  from: Date;
  to?: Date;
  /** The override that was added, changed or removed: only models it names are re-priced (all when absent). */
  changed?: Pick<PriceOverride, 'provider' | 'model'>;
}

/** What a re-pricing changed. */
export interface RepriceSummary {
  /** Calls read and priced again. */
  calls: number;
  /** Calls whose cost (or priced/unpriced state) changed. */
  changed: number;
  /** New minus old spend of the re-priced calls, exact decimal USD. */
  deltaUsd: string;
}

const FAR_FUTURE = new Date('9999-01-01T00:00:00Z');

interface StoredCall {
  trace_id: string;
  span_id: string;
  start_time: Date;
  /** `start_time` as Postgres prints it, microseconds kept (a JS Date has milliseconds). */
  start_key: string;
  provider: string | null;
  model: string;
  input_tokens: bigint;
  output_tokens: bigint;
  cache_read_tokens: bigint;
  cache_write_tokens: bigint;
  reasoning_tokens: bigint;
  cost_usd: string | null;
  query_type: string;
  feature: string | null;
  environment: string | null;
}

/**
 * Prices a project's stored calls again with the overrides in force now (after an override was
 * added, changed or removed) and moves their hourly and daily rollups by the difference, so
 * every page and report shows the new prices for the past too. The analyzer computes the new
 * costs and rollup deltas (`repriceCalls`); this applies them. Only calls with usage the
 * provider reported are priced, as at ingest: missing or estimated usage stays unpriced.
 *
 * Batches (2,000 calls by default), each one transaction that reads the overrides afresh, locks
 * its calls (`FOR UPDATE`) and its rollup rows in key order (as the ingest does, so the two do
 * not deadlock; a deadlock is retried) and adds deltas to the rollups: concurrent ingest only
 * ever adds to rollup rows too, so the sums stay exact, and two re-pricings running at once end
 * with the overrides of the later batch. A call an ingest prices with overrides it read before
 * the change (they are re-read every `PRICE_OVERRIDE_CACHE_MS`) can be stored after this has
 * passed it: run it again once they are fresh (the dashboard does, in the background;
 * `npx tierlens reprice`).
 */
export async function repriceStoredCalls(db: Db, scope: RepriceScope, options: { batchSize?: number } = {}): Promise<RepriceSummary> {
  const batchSize = options.batchSize ?? 2_000;
  const to = scope.to ?? FAR_FUTURE;
  const pairs = await affectedModels(db, scope, to);
  const summary = { calls: 0, changed: 0, deltaE10: 0n };
  if (pairs.length === 0) return { calls: 0, changed: 0, deltaUsd: '0' };
  const providers = pairs.map((p) => p.provider);
  const models = pairs.map((p) => p.model);
  type Cursor = { start_key: string; trace_id: string; span_id: string };
  type Batch = { rows: StoredCall[]; changed: number; deltaE10: bigint };
  let after: Cursor | null = null;
  for (;;) {
    const cursor: Cursor | null = after;
    const batch: Batch = await withConflictRetry<Batch>(() =>
      db.$transaction(
        async (tx): Promise<Batch> => {
          const priceOverrides = await loadPriceOverrides(tx as unknown as Db, { id: scope.projectId, organizationId: scope.organizationId });
          const rows: StoredCall[] = await tx.$queryRaw<StoredCall[]>`
            SELECT trace_id, span_id, start_time, start_time::text AS start_key, provider, model, input_tokens, output_tokens,
                   cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd::text AS cost_usd, query_type, feature, environment
            FROM llm_calls
            WHERE project_id = ${scope.projectId}::uuid AND start_time >= ${scope.from} AND start_time < ${to} AND usage_source = 'reported'
              AND (coalesce(provider, ''), model) IN (SELECT * FROM unnest(${providers}::text[], ${models}::text[]))
              ${cursor ? Prisma.sql`AND (start_time, trace_id, span_id) > (${cursor.start_key}::timestamptz, ${cursor.trace_id}, ${cursor.span_id})` : Prisma.empty}
            ORDER BY start_time, trace_id, span_id
            LIMIT ${batchSize}
            FOR UPDATE`;
          const applied = rows.length > 0 ? await applyBatch(tx as unknown as Db, scope.projectId, rows, priceOverrides) : { changed: 0, deltaE10: 0n };
          return { rows, ...applied };
        },
        // A batch of a rare model in a large project can read many rows; Prisma's default is 5 s.
        { timeout: 120_000, maxWait: 30_000 },
      ),
    );
    summary.calls += batch.rows.length;
    summary.changed += batch.changed;
    summary.deltaE10 += batch.deltaE10;
    if (batch.rows.length < batchSize) break;
    const last: StoredCall = batch.rows[batch.rows.length - 1]!;
    after = { start_key: last.start_key, trace_id: last.trace_id, span_id: last.span_id };
  }
  return { calls: summary.calls, changed: summary.changed, deltaUsd: formatUsd(summary.deltaE10) };
}

/** The (provider, model) spellings in the project's rollups since `from` that the changed override names. */
async function affectedModels(db: Db, scope: RepriceScope, to: Date): Promise<Array<{ provider: string; model: string }>> {
  const seen = await db.$queryRaw<Array<{ provider: string; model: string }>>`
    SELECT DISTINCT provider, model FROM call_rollups_hourly
    WHERE project_id = ${scope.projectId}::uuid AND hour >= date_trunc('hour', ${scope.from}::timestamptz) AND hour < ${to}`;
  const changed = scope.changed;
  if (!changed) return seen;
  const probe: PriceOverride = { id: 'probe', provider: changed.provider, model: changed.model, inputPerMTok: '0', outputPerMTok: '0', effectiveFrom: new Date(0), projectId: null };
  return seen.filter((pair) => {
    // As priceCall matches: a call without a provider is matched by the host its model id implies.
    const provider = normalizeProvider(pair.provider || null);
    const model = normalizeModel(pair.model, provider);
    return selectOverride([probe], { provider: provider ?? model.host, model, at: FAR_FUTURE, projectId: undefined }) !== null;
  });
}

async function applyBatch(tx: Db, projectId: string, rows: StoredCall[], overrides: PriceOverride[]): Promise<{ changed: number; deltaE10: bigint }> {
  const inputs: RepriceCallInput[] = rows.map((r) => ({
    key: `${r.trace_id}\u0000${r.span_id}\u0000${r.start_key}`,
    projectId,
    provider: r.provider,
    model: r.model,
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    cacheReadTokens: Number(r.cache_read_tokens),
    cacheWriteTokens: Number(r.cache_write_tokens),
    reasoningTokens: Number(r.reasoning_tokens),
    at: r.start_time,
    previousCostUsd: r.cost_usd,
    queryType: r.query_type,
    feature: r.feature,
    environment: r.environment,
  }));
  const result = repriceCalls(inputs, { overrides, projectId });
  const changed = result.calls.flatMap((c, i) =>
    c.changed ? [{ trace_id: rows[i]!.trace_id, span_id: rows[i]!.span_id, start_key: rows[i]!.start_key, cost: c.costUsd, pv: c.priceVersion }] : [],
  );
  if (changed.length === 0) return { changed: 0, deltaE10: 0n };
  const deltas = JSON.stringify(
    result.rollupDeltas.map((d) => ({ hour: d.hour.toISOString(), provider: d.provider, model: d.model, query_type: d.queryType, feature: d.feature, environment: d.environment, delta: d.costUsdDelta, unpriced: d.unpricedCallsDelta })),
  );
  const D = Prisma.raw(`d(hour timestamptz, provider text, model text, query_type text, feature text, environment text, delta text, unpriced int)`);
  const DIMS = Prisma.raw(ROLLUP_DIMENSIONS.map((c) => `r.${c} = d.${c}`).join(' AND '));
  const LOCK_ORDER = Prisma.raw(ROLLUP_DIMENSIONS.map((c) => `r.${c}`).join(', '));
  // Rollup rows are locked in key order first, the order the ingest's upserts take them in.
  await tx.$queryRaw`
    SELECT 1 FROM call_rollups_hourly AS r JOIN jsonb_to_recordset(${deltas}::jsonb) AS ${D} ON r.project_id = ${projectId}::uuid AND r.hour = d.hour AND ${DIMS}
    ORDER BY r.hour, ${LOCK_ORDER} FOR UPDATE OF r`;
  await tx.$queryRaw`
    SELECT 1 FROM call_rollups_daily AS r JOIN jsonb_to_recordset(${deltas}::jsonb) AS ${D} ON r.project_id = ${projectId}::uuid AND r.day = date_trunc('day', d.hour, 'UTC') AND ${DIMS}
    ORDER BY r.day, ${LOCK_ORDER} FOR UPDATE OF r`;
  const updated = await tx.$executeRaw`
    UPDATE llm_calls AS c SET cost_usd = v.cost::numeric, price_version = v.pv
    FROM jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) AS v(trace_id text, span_id text, start_key text, cost text, pv text)
    WHERE c.project_id = ${projectId}::uuid AND c.trace_id = v.trace_id AND c.span_id = v.span_id AND c.start_time = v.start_key::timestamptz`;
  const hourly = await tx.$executeRaw`
    UPDATE call_rollups_hourly AS r SET cost_usd = r.cost_usd + d.delta::numeric, unpriced_calls = r.unpriced_calls + d.unpriced
    FROM jsonb_to_recordset(${deltas}::jsonb) AS ${D}
    WHERE r.project_id = ${projectId}::uuid AND r.hour = d.hour AND ${DIMS}`;
  await tx.$executeRaw`
    UPDATE call_rollups_daily AS r SET cost_usd = r.cost_usd + d.delta, unpriced_calls = r.unpriced_calls + d.unpriced
    FROM (SELECT date_trunc('day', hour, 'UTC') AS day, provider, model, query_type, feature, environment, sum(delta::numeric) AS delta, sum(unpriced) AS unpriced
          FROM jsonb_to_recordset(${deltas}::jsonb) AS x(hour timestamptz, provider text, model text, query_type text, feature text, environment text, delta text, unpriced int)
          GROUP BY 1, 2, 3, 4, 5, 6) AS d
    WHERE r.project_id = ${projectId}::uuid AND r.day = d.day AND ${DIMS}`;
  // Every changed call and every rollup row it counts in must have been found: else roll back.
  if (updated !== changed.length || hourly !== result.rollupDeltas.length) {
    throw new Error(`re-pricing found ${updated} of ${changed.length} calls and ${hourly} of ${result.rollupDeltas.length} hourly rollup rows; nothing was changed`);
  }
  return { changed: changed.length, deltaE10: result.rollupDeltas.reduce((sum, d) => sum + d.costUsdE10Delta, 0n) };
}
