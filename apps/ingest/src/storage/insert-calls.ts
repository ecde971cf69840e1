import type pg from 'pg';
import type { CallRow } from './call-row.ts';

/**
 * Columns written per call, in order, with the array type each is sent as. The whole batch goes
 * to Postgres as one array per column and is unnested server-side: one statement per request,
 * however many spans it holds.
 */
const COLUMNS: Array<[column: string, type: string, get: (r: CallRow) => unknown]> = [
  ['project_id', 'uuid', (r) => r.projectId],
  ['trace_id', 'text', (r) => r.traceId],
  ['span_id', 'text', (r) => r.spanId],
  ['start_time', 'timestamptz', (r) => r.startTime.toISOString()],
  ['parent_span_id', 'text', (r) => r.parentSpanId],
  ['duration_ms', 'float8', (r) => r.durationMs],
  ['time_to_first_token_ms', 'float8', (r) => r.timeToFirstTokenMs],
  ['provider', 'text', (r) => r.provider],
  ['request_model', 'text', (r) => r.requestModel],
  ['response_model', 'text', (r) => r.responseModel],
  ['model', 'text', (r) => r.model],
  ['operation', 'text', (r) => r.operation],
  ['status', 'text', (r) => r.status],
  ['error_type', 'text', (r) => r.errorType],
  ['input_tokens', 'int8', (r) => r.inputTokens],
  ['output_tokens', 'int8', (r) => r.outputTokens],
  ['cache_read_tokens', 'int8', (r) => r.cacheReadTokens],
  ['cache_write_tokens', 'int8', (r) => r.cacheWriteTokens],
  ['reasoning_tokens', 'int8', (r) => r.reasoningTokens],
  ['usage_source', 'text', (r) => r.usageSource],
  ['cost_usd', 'numeric', (r) => r.costUsd],
  ['reported_cost_usd', 'numeric', (r) => r.reportedCostUsd],
  ['price_version', 'text', (r) => r.priceVersion],
  ['query_type', 'text', (r) => r.queryType],
  ['query_type_source', 'text', (r) => r.queryTypeSource],
  ['query_type_confidence', 'float8', (r) => r.queryTypeConfidence],
  // Postgres has no arrays of arrays of varying length: finish reasons travel as JSON text.
  ['finish_reasons', 'text', (r) => JSON.stringify(r.finishReasons)],
  ['feature', 'text', (r) => r.feature],
  ['environment', 'text', (r) => r.environment],
  ['end_user_id', 'text', (r) => r.endUserId],
  ['service_name', 'text', (r) => r.serviceName],
  ['convention', 'text', (r) => r.convention],
  ['attributes', 'text', (r) => r.attributesJson],
  ['prompt_content', 'text', (r) => r.promptContent],
  ['completion_content', 'text', (r) => r.completionContent],
];

const INPUT_COLUMNS = COLUMNS.map(([c]) => c);
const SELECT_EXPR = COLUMNS.map(([c]) => {
  if (c === 'finish_reasons') return `ARRAY(SELECT jsonb_array_elements_text(u.finish_reasons::jsonb))`;
  if (c === 'attributes') return `u.attributes::jsonb`;
  return `u.${c}`;
});

const ROLLUP_KEY = 'project_id, bucket, provider, model, query_type, feature, environment';
const ROLLUP_SUMS = [
  'calls', 'error_calls', 'truncated_calls', 'unpriced_calls', 'input_tokens', 'output_tokens', 'cache_read_tokens',
  'cache_write_tokens', 'reasoning_tokens', 'cost_usd', 'duration_ms_sum', 'ttft_ms_sum', 'ttft_calls',
];
const ROLLUP_SET = ROLLUP_SUMS.map((c) => `${c} = r.${c} + excluded.${c}`).join(', ');

/**
 * Inserts the calls and folds the newly inserted ones into the hourly and daily rollups, in one statement
 * (hence one transaction): a span already stored (same project, trace, span, start time) is
 * skipped by ON CONFLICT and so is never counted twice, and rollups always equal the sum of the
 * calls. Rollup rows are upserted in key order so that concurrent writers lock them in the same
 * order.
 */
const INSERT_SQL = `
WITH u AS (
  SELECT * FROM unnest(${COLUMNS.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})
    AS u(${INPUT_COLUMNS.join(', ')})
),
ins AS (
  INSERT INTO llm_calls (${INPUT_COLUMNS.join(', ')})
  SELECT ${SELECT_EXPR.join(', ')} FROM u
  ON CONFLICT DO NOTHING
  RETURNING project_id, start_time, provider, model, query_type, feature, environment, status,
            finish_reasons, cost_usd, input_tokens, output_tokens, cache_read_tokens,
            cache_write_tokens, reasoning_tokens, duration_ms, time_to_first_token_ms
),
agg AS (
  SELECT project_id, date_trunc('hour', start_time, 'UTC') AS hour, coalesce(provider, '') AS provider,
         model, query_type, coalesce(feature, '') AS feature, coalesce(environment, '') AS environment,
         count(*) AS calls,
         count(*) FILTER (WHERE status = 'error') AS error_calls,
         count(*) FILTER (WHERE 'length' = ANY(finish_reasons) OR 'max_tokens' = ANY(finish_reasons)) AS truncated_calls,
         count(*) FILTER (WHERE cost_usd IS NULL) AS unpriced_calls,
         sum(input_tokens) AS input_tokens, sum(output_tokens) AS output_tokens,
         sum(cache_read_tokens) AS cache_read_tokens, sum(cache_write_tokens) AS cache_write_tokens,
         sum(reasoning_tokens) AS reasoning_tokens, coalesce(sum(cost_usd), 0) AS cost_usd,
         sum(duration_ms) AS duration_ms_sum, coalesce(sum(time_to_first_token_ms), 0) AS ttft_ms_sum,
         count(time_to_first_token_ms) AS ttft_calls
  FROM ins
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  ORDER BY 1, 2, 3, 4, 5, 6, 7
),
up AS (
  INSERT INTO call_rollups_hourly AS r (${ROLLUP_KEY.replace('bucket', 'hour')}, ${ROLLUP_SUMS.join(', ')})
  SELECT * FROM agg
  ON CONFLICT (${ROLLUP_KEY.replace('bucket', 'hour')}) DO UPDATE SET ${ROLLUP_SET}
  RETURNING 1
),
aggd AS (
  SELECT project_id, date_trunc('day', hour, 'UTC') AS day, provider, model, query_type, feature, environment,
         ${ROLLUP_SUMS.map((c) => `sum(${c})`).join(', ')}
  FROM agg GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
),
upd AS (
  INSERT INTO call_rollups_daily AS r (${ROLLUP_KEY.replace('bucket', 'day')}, ${ROLLUP_SUMS.join(', ')})
  SELECT * FROM aggd
  ON CONFLICT (${ROLLUP_KEY.replace('bucket', 'day')}) DO UPDATE SET ${ROLLUP_SET}
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS inserted`;

export interface InsertResult {
  /** Calls newly stored; the rest of the batch was already there (a retried export). */
  inserted: number;
  duplicates: number;
}

const RETRYABLE = new Set(['40P01', '40001']); // deadlock, serialization failure

/** Stores a batch of calls durably (committed when this resolves). */
export async function insertCalls(pool: pg.Pool, rows: CallRow[]): Promise<InsertResult> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0 };
  const params = COLUMNS.map(([, , get]) => rows.map(get));
  for (let attempt = 0; ; attempt++) {
    try {
      const { rows: out } = await pool.query<{ inserted: number }>({ text: INSERT_SQL, values: params });
      const inserted = out[0]?.inserted ?? 0;
      return { inserted, duplicates: rows.length - inserted };
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code && RETRYABLE.has(code) && attempt < 4) {
        await new Promise((r) => setTimeout(r, 5 * 2 ** attempt + Math.random() * 10));
        continue;
      }
      throw err;
    }
  }
}
