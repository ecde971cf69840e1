import type { CorrectionTarget } from '@tierlens/analyzer';
import type { Db } from '../client.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { withConflictRetry } from '../retry-on-conflict.ts';
import { ROLLUP_DIMENSIONS, ROLLUP_DIMENSION_FROM_CALLS, ROLLUP_MEASURES, ROLLUP_MEASURE_COLUMNS, rollupMeasureAdditions, rollupMeasuresFromCalls } from '../rollups/rollup-measures.ts';

/** What a re-typing changed. */
export interface RetypeSummary {
  /** Stored calls the target names, read. */
  calls: number;
  /** Calls whose query type changed (their rollups moved bucket). */
  retyped: number;
}

interface CandidateCall {
  trace_id: string;
  span_id: string;
  start_key: string;
  query_type: string;
  query_type_source: string;
  query_type_confidence: number;
  new_type: string;
  new_source: string;
  new_confidence: number;
}

/**
 * The query type a stored call `c` has with the corrections in force: the most specific active
 * correction that names it (call, then template, then feature; the latest among equals), else
 * its automatic result. The same order as `pickCorrection` in the analyzer, which the ingest uses.
 */
const EFFECTIVE_TYPE = Prisma.sql`
  LEFT JOIN LATERAL (
    SELECT k.query_type FROM query_type_corrections AS k
    WHERE k.project_id = c.project_id AND k.undone_at IS NULL AND (
         (k.scope = 'call' AND k.trace_id = c.trace_id AND k.span_id = c.span_id)
      OR (k.scope = 'template' AND k.fingerprint = c.template_fingerprint AND coalesce(k.feature, '') = coalesce(c.feature, ''))
      OR (k.scope = 'feature' AND k.feature = c.feature))
    ORDER BY CASE k.scope WHEN 'call' THEN 0 WHEN 'template' THEN 1 ELSE 2 END, k.created_at DESC
    LIMIT 1) AS m ON true`;

function targetFilter(target: CorrectionTarget): Prisma.Sql {
  switch (target.scope) {
    case 'feature':
      return Prisma.sql`c.feature = ${target.feature}`;
    case 'template':
      return Prisma.sql`c.template_fingerprint = ${target.fingerprint} AND coalesce(c.feature, '') = ${target.feature ?? ''}`;
    case 'call':
      return Prisma.sql`c.trace_id = ${target.traceId} AND c.span_id = ${target.spanId}`;
  }
}

const DIMS = ROLLUP_DIMENSIONS.join(', ');
const DIMS_FROM_CALLS = ROLLUP_DIMENSIONS.map((d) => `${ROLLUP_DIMENSION_FROM_CALLS[d]} AS ${d}`).join(', ');
const DIMS_EQUAL = ROLLUP_DIMENSIONS.map((d) => `r.${d} = o.${d}`).join(' AND ');
const SUBTRACT = ROLLUP_MEASURES.map((m) => `${m.column} = r.${m.column} - o.${m.column}`).join(', ');
const GROUP_KEY = '1, 2, 3, 4, 5, 6, 7';

/**
 * Re-types a project's stored calls that `target` names to the query type the corrections in
 * force give them (after a correction was made or undone), and moves their hourly and daily
 * rollups between query-type buckets by exactly those calls' measures, so every page and report
 * shows the corrected types for the past too.
 *
 * Batches (2,000 calls by default), each one transaction: it locks its calls (`FOR UPDATE`) and
 * their rollup rows in key order, takes the calls' measures out of their old buckets, re-types
 * the calls and adds the same measures to the new buckets (an upsert, as the ingest's), then
 * drops rollup rows left with no calls. The measures are summed from the calls themselves
 * (the rollups' one list of measures), so the rollups keep equalling the sums over the calls.
 * A deadlock with a concurrent ingest is retried ({@link withConflictRetry}).
 */
export async function retypeStoredCalls(db: Db, projectId: string, target: CorrectionTarget, options: { batchSize?: number } = {}): Promise<RetypeSummary> {
  const batchSize = options.batchSize ?? 2_000;
  const summary: RetypeSummary = { calls: 0, retyped: 0 };
  type Cursor = { start_key: string; trace_id: string; span_id: string };
  type Batch = { rows: CandidateCall[]; retyped: number };
  let after: Cursor | null = null;
  for (;;) {
    const cursor: Cursor | null = after;
    const batch: Batch = await withConflictRetry<Batch>(() =>
      db.$transaction(
        async (tx): Promise<Batch> => {
          const rows: CandidateCall[] = await tx.$queryRaw<CandidateCall[]>`
            SELECT c.trace_id, c.span_id, c.start_time::text AS start_key, c.query_type, c.query_type_source, c.query_type_confidence,
                   coalesce(m.query_type, c.auto_query_type) AS new_type,
                   CASE WHEN m.query_type IS NULL THEN c.auto_query_type_source ELSE 'manual' END AS new_source,
                   CASE WHEN m.query_type IS NULL THEN c.auto_query_type_confidence ELSE 1 END AS new_confidence
            FROM llm_calls AS c ${EFFECTIVE_TYPE}
            WHERE c.project_id = ${projectId}::uuid AND ${targetFilter(target)}
              ${cursor ? Prisma.sql`AND (c.start_time, c.trace_id, c.span_id) > (${cursor.start_key}::timestamptz, ${cursor.trace_id}, ${cursor.span_id})` : Prisma.empty}
            ORDER BY c.start_time, c.trace_id, c.span_id
            LIMIT ${batchSize}
            FOR UPDATE OF c`;
          const retyped = await applyBatch(tx as unknown as Db, projectId, rows);
          return { rows, retyped };
        },
        { timeout: 120_000, maxWait: 30_000 },
      ),
    );
    summary.calls += batch.rows.length;
    summary.retyped += batch.retyped;
    if (batch.rows.length < batchSize) break;
    const last: CandidateCall = batch.rows[batch.rows.length - 1]!;
    after = { start_key: last.start_key, trace_id: last.trace_id, span_id: last.span_id };
  }
  return summary;
}

async function applyBatch(tx: Db, projectId: string, rows: CandidateCall[]): Promise<number> {
  const changed = rows.filter((r) => r.new_type !== r.query_type || r.new_source !== r.query_type_source || r.new_confidence !== r.query_type_confidence);
  if (changed.length === 0) return 0;
  const moved = changed.filter((r) => r.new_type !== r.query_type);
  const all = JSON.stringify(changed.map((r) => ({ trace_id: r.trace_id, span_id: r.span_id, start_key: r.start_key, t: r.new_type, s: r.new_source, c: r.new_confidence })));
  const keys = JSON.stringify(moved.map((r) => ({ trace_id: r.trace_id, span_id: r.span_id, start_key: r.start_key })));
  const MOVED_CALLS = Prisma.sql`
    llm_calls AS c JOIN jsonb_to_recordset(${keys}::jsonb) AS k(trace_id text, span_id text, start_key text)
      ON c.project_id = ${projectId}::uuid AND c.trace_id = k.trace_id AND c.span_id = k.span_id AND c.start_time = k.start_key::timestamptz`;
  const HOURLY = Prisma.raw(`SELECT c.project_id, date_trunc('hour', c.start_time, 'UTC') AS hour, ${DIMS_FROM_CALLS}, ${rollupMeasuresFromCalls()} FROM`);
  const DAILY = Prisma.raw(`SELECT c.project_id, date_trunc('day', c.start_time, 'UTC') AS day, ${DIMS_FROM_CALLS}, ${rollupMeasuresFromCalls()} FROM`);
  const GROUP = Prisma.raw(`GROUP BY ${GROUP_KEY} ORDER BY ${GROUP_KEY}`);
  let groups = { hourly: 0, daily: 0 };
  if (moved.length > 0) {
    // The calls' old buckets: locked in key order (as the ingest's upserts take them), then emptied of these calls.
    const old = await tx.$queryRaw<Array<{ hourly: bigint; daily: bigint }>>`
      SELECT (SELECT count(*) FROM (SELECT DISTINCT date_trunc('hour', c.start_time, 'UTC'), ${Prisma.raw(DIMS_FROM_CALLS)} FROM ${MOVED_CALLS}) AS h) AS hourly,
             (SELECT count(*) FROM (SELECT DISTINCT date_trunc('day', c.start_time, 'UTC'), ${Prisma.raw(DIMS_FROM_CALLS)} FROM ${MOVED_CALLS}) AS d) AS daily`;
    groups = { hourly: Number(old[0]!.hourly), daily: Number(old[0]!.daily) };
    await tx.$queryRaw`
      SELECT 1 FROM call_rollups_hourly AS r JOIN (${HOURLY} ${MOVED_CALLS} ${GROUP}) AS o
        ON r.project_id = o.project_id AND r.hour = o.hour AND ${Prisma.raw(DIMS_EQUAL)}
      ORDER BY r.hour, ${Prisma.raw(ROLLUP_DIMENSIONS.map((d) => `r.${d}`).join(', '))} FOR UPDATE OF r`;
    const hourly = await tx.$executeRaw`
      UPDATE call_rollups_hourly AS r SET ${Prisma.raw(SUBTRACT)} FROM (${HOURLY} ${MOVED_CALLS} ${GROUP}) AS o
      WHERE r.project_id = o.project_id AND r.hour = o.hour AND ${Prisma.raw(DIMS_EQUAL)}`;
    const daily = await tx.$executeRaw`
      UPDATE call_rollups_daily AS r SET ${Prisma.raw(SUBTRACT)} FROM (${DAILY} ${MOVED_CALLS} ${GROUP}) AS o
      WHERE r.project_id = o.project_id AND r.day = o.day AND ${Prisma.raw(DIMS_EQUAL)}`;
    // Every bucket the calls count in must have been found: else the rollups were already off; roll back.
    if (hourly !== groups.hourly || daily !== groups.daily) {
      throw new Error(`re-typing found ${hourly} of ${groups.hourly} hourly and ${daily} of ${groups.daily} daily rollup rows; nothing was changed`);
    }
  }
  const updated = await tx.$executeRaw`
    UPDATE llm_calls AS c SET query_type = v.t, query_type_source = v.s, query_type_confidence = v.c
    FROM jsonb_to_recordset(${all}::jsonb) AS v(trace_id text, span_id text, start_key text, t text, s text, c float8)
    WHERE c.project_id = ${projectId}::uuid AND c.trace_id = v.trace_id AND c.span_id = v.span_id AND c.start_time = v.start_key::timestamptz`;
  if (updated !== changed.length) throw new Error(`re-typing found ${updated} of ${changed.length} calls; nothing was changed`);
  if (moved.length > 0) {
    await tx.$executeRaw`
      INSERT INTO call_rollups_hourly AS r (project_id, hour, ${Prisma.raw(DIMS)}, ${Prisma.raw(ROLLUP_MEASURE_COLUMNS)})
      ${HOURLY} ${MOVED_CALLS} ${GROUP}
      ON CONFLICT (project_id, hour, ${Prisma.raw(DIMS)}) DO UPDATE SET ${Prisma.raw(rollupMeasureAdditions('r'))}`;
    await tx.$executeRaw`
      INSERT INTO call_rollups_daily AS r (project_id, day, ${Prisma.raw(DIMS)}, ${Prisma.raw(ROLLUP_MEASURE_COLUMNS)})
      ${DAILY} ${MOVED_CALLS} ${GROUP}
      ON CONFLICT (project_id, day, ${Prisma.raw(DIMS)}) DO UPDATE SET ${Prisma.raw(rollupMeasureAdditions('r'))}`;
    // A bucket all of whose calls moved out holds nothing: drop it, as if it had never been made.
    await tx.$executeRaw`DELETE FROM call_rollups_hourly WHERE project_id = ${projectId}::uuid AND calls = 0`;
    await tx.$executeRaw`DELETE FROM call_rollups_daily WHERE project_id = ${projectId}::uuid AND calls = 0`;
  }
  return moved.length;
}
