import type pg from 'pg';
import type { CallRow } from './call-row.ts';

/**
 * Columns written per call, in order, with their Postgres types. The whole batch travels as ONE
 * JSON parameter, expanded server-side by `jsonb_to_recordset`: one statement per request however
 * many spans it holds, and no per-value escaping in JavaScript (node-postgres's array literals
 * were a tenth of the ingest's CPU).
 */
const COLUMNS = [
  ['project_id', 'uuid'],
  ['trace_id', 'text'],
  ['span_id', 'text'],
  ['start_time', 'timestamptz'],
  ['parent_span_id', 'text'],
  ['duration_ms', 'float8'],
  ['time_to_first_token_ms', 'float8'],
  ['provider', 'text'],
  ['request_model', 'text'],
  ['response_model', 'text'],
  ['model', 'text'],
  ['operation', 'text'],
  ['status', 'text'],
  ['error_type', 'text'],
  ['input_tokens', 'int8'],
  ['output_tokens', 'int8'],
  ['cache_read_tokens', 'int8'],
  ['cache_write_tokens', 'int8'],
  ['reasoning_tokens', 'int8'],
  ['usage_source', 'text'],
  ['cost_usd', 'numeric'],
  ['reported_cost_usd', 'numeric'],
  ['price_version', 'text'],
  ['query_type', 'text'],
  ['query_type_source', 'text'],
  ['query_type_confidence', 'float8'],
  ['finish_reasons', 'text[]'],
  ['feature', 'text'],
  ['environment', 'text'],
  ['end_user_id', 'text'],
  ['service_name', 'text'],
  ['convention', 'text'],
  ['attributes', 'jsonb'],
  ['prompt_content', 'text'],
  ['completion_content', 'text'],
  ['routing_rule_id', 'text'],
  ['routing_mode', 'text'],
  ['routing_original_model', 'text'],
  ['routing_control', 'bool'],
] as const;

const INPUT_COLUMNS = COLUMNS.map(([c]) => c);

/** The batch as the JSON array `jsonb_to_recordset` reads: one object per call, keyed by column. */
function batchJson(rows: readonly CallRow[]): string {
  return JSON.stringify(rows.map(toRecord));
}

/** One call keyed by column (an object literal: V8 serialises these far faster than built-up maps). */
function toRecord(r: CallRow) {
  return {
    project_id: r.projectId, trace_id: r.traceId, span_id: r.spanId, start_time: r.startTime.toISOString(),
    parent_span_id: r.parentSpanId, duration_ms: r.durationMs, time_to_first_token_ms: r.timeToFirstTokenMs,
    provider: r.provider, request_model: r.requestModel, response_model: r.responseModel, model: r.model,
    operation: r.operation, status: r.status, error_type: r.errorType, input_tokens: r.inputTokens,
    output_tokens: r.outputTokens, cache_read_tokens: r.cacheReadTokens, cache_write_tokens: r.cacheWriteTokens,
    reasoning_tokens: r.reasoningTokens, usage_source: r.usageSource, cost_usd: r.costUsd, reported_cost_usd: r.reportedCostUsd,
    price_version: r.priceVersion, query_type: r.queryType, query_type_source: r.queryTypeSource,
    query_type_confidence: r.queryTypeConfidence, finish_reasons: r.finishReasons, feature: r.feature,
    environment: r.environment, end_user_id: r.endUserId, service_name: r.serviceName, convention: r.convention,
    attributes: r.attributes, prompt_content: r.promptContent, completion_content: r.completionContent,
    routing_rule_id: r.routingRuleId ?? null, routing_mode: r.routingMode ?? null,
    routing_original_model: r.routingOriginalModel ?? null, routing_control: r.routingControl ?? null,
  } satisfies Record<(typeof COLUMNS)[number][0], unknown>;
}

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
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS u(${COLUMNS.map(([c, type]) => `${c} ${type}`).join(', ')})
),
ins AS (
  INSERT INTO llm_calls (${INPUT_COLUMNS.join(', ')})
  SELECT ${INPUT_COLUMNS.join(', ')} FROM u
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
  const params = [batchJson(rows)];
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
