import type { ReportRow } from '@tierlens/analyzer';
import { Prisma, type Db } from '@tierlens/db';
import type { TimeRange } from '../lib/time-range';

interface RawRow {
  hour: Date;
  provider: string;
  model: string;
  query_type: string;
  feature: string;
  environment: string;
  calls: bigint;
  error_calls: bigint;
  truncated_calls: bigint;
  unpriced_calls: bigint;
  input_tokens: bigint;
  output_tokens: bigint;
  cache_read_tokens: bigint;
  cache_write_tokens: bigint;
  reasoning_tokens: bigint;
  cost_usd: Prisma.Decimal | string;
  duration_ms_sum: number;
  ttft_ms_sum: number;
  ttft_calls: bigint;
}

/**
 * A project's hourly rollups over a range, summed into `bucket`-sized rows (day or hour) per
 * provider × model × query type × feature × environment: the input of every dashboard view.
 * The database does the summing (a few thousand rows come back for 90 days), the analyzer the
 * shaping.
 */
export async function loadReportRows(db: Db, projectId: string, range: TimeRange, bucket: 'hour' | 'day' = 'day'): Promise<ReportRow[]> {
  const trunc = bucket === 'day' ? Prisma.sql`date_trunc('day', hour, 'UTC')` : Prisma.sql`hour`;
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT ${trunc} AS hour, provider, model, query_type, feature, environment,
           sum(calls)::bigint AS calls, sum(error_calls)::bigint AS error_calls, sum(truncated_calls)::bigint AS truncated_calls,
           sum(unpriced_calls)::bigint AS unpriced_calls, sum(input_tokens)::bigint AS input_tokens,
           sum(output_tokens)::bigint AS output_tokens, sum(cache_read_tokens)::bigint AS cache_read_tokens,
           sum(cache_write_tokens)::bigint AS cache_write_tokens, sum(reasoning_tokens)::bigint AS reasoning_tokens,
           sum(cost_usd)::text AS cost_usd, sum(duration_ms_sum) AS duration_ms_sum, sum(ttft_ms_sum) AS ttft_ms_sum,
           sum(ttft_calls)::bigint AS ttft_calls
    FROM call_rollups_hourly
    WHERE project_id = ${projectId}::uuid AND hour >= ${floorHour(range.from)} AND hour < ${range.to}
    GROUP BY 1, 2, 3, 4, 5, 6`;
  return rows.map((r) => ({
    hour: r.hour,
    provider: r.provider,
    model: r.model,
    queryType: r.query_type,
    feature: r.feature,
    environment: r.environment,
    calls: Number(r.calls),
    errorCalls: Number(r.error_calls),
    truncatedCalls: Number(r.truncated_calls),
    unpricedCalls: Number(r.unpriced_calls),
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    cacheReadTokens: Number(r.cache_read_tokens),
    cacheWriteTokens: Number(r.cache_write_tokens),
    reasoningTokens: Number(r.reasoning_tokens),
    costUsd: String(r.cost_usd),
    durationMsSum: Number(r.duration_ms_sum),
    ttftMsSum: Number(r.ttft_ms_sum),
    ttftCalls: Number(r.ttft_calls),
  }));
}

function floorHour(d: Date): Date {
  const h = new Date(d);
  h.setUTCMinutes(0, 0, 0);
  return h;
}
