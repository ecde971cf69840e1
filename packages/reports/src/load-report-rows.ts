import type { ReportRow } from '@tierlens/analyzer';
import { Prisma, type Db } from '@tierlens/db';

/** A time range `[from, to)`; the rollups are read to whole hours around it. */
export interface ReportRange {
  from: Date;
  to: Date;
}

/** Dimensions a page groups by; the others come back as '' (summed over). */
export type ReportDimension = 'provider' | 'model' | 'queryType' | 'feature' | 'environment';

export interface LoadReportOptions {
  /** Time bucket of the rows: a UTC day, an hour, or the whole range in one row. */
  bucket: 'day' | 'hour' | 'range';
  groupBy: readonly ReportDimension[];
}

const DIM_COLUMNS: Record<ReportDimension, string> = {
  provider: 'provider',
  model: 'model',
  queryType: 'query_type',
  feature: 'feature',
  environment: 'environment',
};

const SUMS = `sum(calls)::bigint AS calls, sum(error_calls)::bigint AS error_calls, sum(truncated_calls)::bigint AS truncated_calls,
  sum(unpriced_calls)::bigint AS unpriced_calls, sum(input_tokens)::bigint AS input_tokens, sum(output_tokens)::bigint AS output_tokens,
  sum(cache_read_tokens)::bigint AS cache_read_tokens, sum(cache_write_tokens)::bigint AS cache_write_tokens,
  sum(reasoning_tokens)::bigint AS reasoning_tokens, sum(cost_usd)::text AS cost_usd, sum(duration_ms_sum) AS duration_ms_sum,
  sum(ttft_ms_sum) AS ttft_ms_sum, sum(ttft_calls)::bigint AS ttft_calls`;

const DAY = 86_400_000;
const HOUR = 3_600_000;

/**
 * A project's rollups over a range, summed in the database into the rows a page needs (grouped
 * by `groupBy` and bucketed by day, hour or the whole range). Whole days are read from the daily
 * rollups and only the partial days at the range's edges from the hourly ones, so a 90-day page
 * reads a few thousand rows. The analyzer then shapes these rows into what the page shows.
 */
export async function loadReportRows(db: Db, projectId: string, range: ReportRange, options: LoadReportOptions): Promise<ReportRow[]> {
  const from = Math.floor(range.from.getTime() / HOUR) * HOUR;
  const to = Math.ceil(range.to.getTime() / HOUR) * HOUR;
  const dayFrom = Math.ceil(from / DAY) * DAY;
  const dayTo = Math.floor(to / DAY) * DAY;
  const useDaily = options.bucket !== 'hour' && dayFrom < dayTo;
  const dims = options.groupBy.map((d) => DIM_COLUMNS[d]);
  // A range that starts mid-day labels its first, partial day with the range's start, so no row
  // is dated before the period the caller asked for.
  const bucketExpr = options.bucket === 'range' ? `to_timestamp(${from / 1000})` : options.bucket === 'day' ? `greatest(date_trunc('day', t, 'UTC'), to_timestamp(${from / 1000}))` : 't';
  const select = [`${bucketExpr} AS bucket`, ...dims].join(', ');
  const groupBy = Array.from({ length: dims.length + 1 }, (_, i) => i + 1).join(', ');
  const cols = `provider, model, query_type, feature, environment, calls, error_calls, truncated_calls, unpriced_calls, input_tokens,
    output_tokens, cache_read_tokens, cache_write_tokens, reasoning_tokens, cost_usd, duration_ms_sum, ttft_ms_sum, ttft_calls`;
  const parts = useDaily
    ? Prisma.sql`
        SELECT day AS t, ${Prisma.raw(cols)} FROM call_rollups_daily WHERE project_id = ${projectId}::uuid AND day >= ${new Date(dayFrom)} AND day < ${new Date(dayTo)}
        UNION ALL
        SELECT hour AS t, ${Prisma.raw(cols)} FROM call_rollups_hourly WHERE project_id = ${projectId}::uuid
          AND ((hour >= ${new Date(from)} AND hour < ${new Date(dayFrom)}) OR (hour >= ${new Date(dayTo)} AND hour < ${new Date(to)}))`
    : Prisma.sql`
        SELECT hour AS t, ${Prisma.raw(cols)} FROM call_rollups_hourly WHERE project_id = ${projectId}::uuid AND hour >= ${new Date(from)} AND hour < ${new Date(to)}`;
  const rows = await db.$queryRaw<Array<Record<string, unknown>>>`
    SELECT ${Prisma.raw(select)}, ${Prisma.raw(SUMS)} FROM (${parts}) AS r GROUP BY ${Prisma.raw(groupBy)}`;
  return rows.map((r) => ({
    hour: r.bucket as Date,
    provider: (r.provider as string | undefined) ?? '',
    model: (r.model as string | undefined) ?? '',
    queryType: (r.query_type as string | undefined) ?? '',
    feature: (r.feature as string | undefined) ?? '',
    environment: (r.environment as string | undefined) ?? '',
    calls: Number(r.calls),
    errorCalls: Number(r.error_calls),
    truncatedCalls: Number(r.truncated_calls),
    unpricedCalls: Number(r.unpriced_calls),
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    cacheReadTokens: Number(r.cache_read_tokens),
    cacheWriteTokens: Number(r.cache_write_tokens),
    reasoningTokens: Number(r.reasoning_tokens),
    costUsd: String(r.cost_usd ?? '0'),
    durationMsSum: Number(r.duration_ms_sum ?? 0),
    ttftMsSum: Number(r.ttft_ms_sum ?? 0),
    ttftCalls: Number(r.ttft_calls),
  }));
}
