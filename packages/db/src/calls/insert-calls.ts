import type pg from 'pg';
import { isRetryableConflict, sqlStateOf, withConflictRetry } from '../retry-on-conflict.ts';
import {
  ROLLUP_DIMENSIONS,
  ROLLUP_DIMENSION_FROM_CALLS,
  ROLLUP_MEASURE_COLUMNS,
  ROLLUP_MEASURES,
  rollupMeasureAdditions,
  rollupMeasuresFromCalls,
} from '../rollups/rollup-measures.ts';
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
  ['auto_query_type', 'text'],
  ['auto_query_type_source', 'text'],
  ['auto_query_type_confidence', 'float8'],
  ['template_fingerprint', 'text'],
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
/** Read from the batch but not stored in `llm_calls`: the template vote the call casts. */
const BATCH_ONLY_COLUMNS = [['template_vote', 'text']] as const;

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
    query_type_confidence: r.queryTypeConfidence, auto_query_type: r.autoQueryType ?? r.queryType,
    auto_query_type_source: r.autoQueryTypeSource ?? r.queryTypeSource, auto_query_type_confidence: r.autoQueryTypeConfidence ?? r.queryTypeConfidence,
    template_fingerprint: r.templateFingerprint ?? null, template_vote: r.templateVote ?? null, finish_reasons: r.finishReasons, feature: r.feature,
    environment: r.environment, end_user_id: r.endUserId, service_name: r.serviceName, convention: r.convention,
    attributes: r.attributes, prompt_content: r.promptContent, completion_content: r.completionContent,
    routing_rule_id: r.routingRuleId ?? null, routing_mode: r.routingMode ?? null,
    routing_original_model: r.routingOriginalModel ?? null, routing_control: r.routingControl ?? null,
  } satisfies Record<(typeof COLUMNS)[number][0] | (typeof BATCH_ONLY_COLUMNS)[number][0], unknown>;
}

const DIMS = ROLLUP_DIMENSIONS.join(', ');
const GROUP_KEY = '1, 2, 3, 4, 5, 6, 7';

/**
 * Claims the spans' identities, inserts the claimed calls and folds them into the hourly and
 * daily rollups, in one statement (hence one transaction).
 *
 * - Idempotent by span identity: a span whose (project, trace id, span id) is already in
 *   `call_span_keys` is skipped whatever its start time (a hop may re-time it to milliseconds),
 *   so it is never stored or counted twice. Keys are claimed in key order, so concurrent
 *   writers of the same spans wait on each other instead of deadlocking.
 * - Rollups always equal the sum of the calls. Rollup rows are upserted in key order so that
 *   concurrent writers (and re-pricing) lock them in the same order.
 * - Each stored call confidently classified adds its vote to its template's count per query type
 *   (`prompt_template_votes`), so the majority a weak call inherits counts every call once.
 */
const INSERT_SQL = `
WITH u AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS u(${[...COLUMNS, ...BATCH_ONLY_COLUMNS].map(([c, type]) => `${c} ${type}`).join(', ')})
),
k AS (
  INSERT INTO call_span_keys (project_id, trace_id, span_id)
  SELECT project_id, trace_id, span_id FROM u ORDER BY 1, 2, 3
  ON CONFLICT DO NOTHING
  RETURNING project_id, trace_id, span_id
),
ins AS (
  INSERT INTO llm_calls (${INPUT_COLUMNS.join(', ')})
  SELECT ${INPUT_COLUMNS.map((c) => `u.${c}`).join(', ')} FROM u JOIN k USING (project_id, trace_id, span_id)
  ON CONFLICT DO NOTHING
  RETURNING project_id, trace_id, span_id, start_time, provider, model, query_type, feature, environment, status,
            finish_reasons, cost_usd, input_tokens, output_tokens, cache_read_tokens,
            cache_write_tokens, reasoning_tokens, duration_ms, time_to_first_token_ms
),
agg AS (
  SELECT project_id, date_trunc('hour', start_time, 'UTC') AS hour,
         ${ROLLUP_DIMENSIONS.map((d) => `${ROLLUP_DIMENSION_FROM_CALLS[d]} AS ${d}`).join(', ')},
         ${rollupMeasuresFromCalls()}
  FROM ins
  GROUP BY ${GROUP_KEY}
  ORDER BY ${GROUP_KEY}
),
up AS (
  INSERT INTO call_rollups_hourly AS r (project_id, hour, ${DIMS}, ${ROLLUP_MEASURE_COLUMNS})
  SELECT * FROM agg
  ON CONFLICT (project_id, hour, ${DIMS}) DO UPDATE SET ${rollupMeasureAdditions('r')}
  RETURNING 1
),
aggd AS (
  SELECT project_id, date_trunc('day', hour, 'UTC') AS day, ${DIMS},
         ${ROLLUP_MEASURES.map((m) => `sum(${m.column})`).join(', ')}
  FROM agg GROUP BY ${GROUP_KEY} ORDER BY ${GROUP_KEY}
),
upd AS (
  INSERT INTO call_rollups_daily AS r (project_id, day, ${DIMS}, ${ROLLUP_MEASURE_COLUMNS})
  SELECT * FROM aggd
  ON CONFLICT (project_id, day, ${DIMS}) DO UPDATE SET ${rollupMeasureAdditions('r')}
  RETURNING 1
),
votes AS (
  INSERT INTO prompt_template_votes AS v (project_id, feature, fingerprint, query_type, calls)
  SELECT u.project_id, coalesce(u.feature, ''), u.template_fingerprint, u.template_vote, count(*)
  FROM ins JOIN u USING (project_id, trace_id, span_id)
  WHERE u.template_vote IS NOT NULL AND u.template_fingerprint IS NOT NULL
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (project_id, feature, fingerprint, query_type) DO UPDATE SET calls = v.calls + excluded.calls
  RETURNING 1
)
SELECT (SELECT count(*) FROM ins)::int AS inserted`;

/** A call of the batch that could not be stored, and why. */
export interface RejectedCall {
  /** Index of the call in the batch passed to {@link insertCalls}. */
  index: number;
  /** The database's reason, e.g. `numeric field overflow (SQLSTATE 22003)`. */
  reason: string;
}

/** What {@link insertCalls} did with a batch: every call is stored, a duplicate or rejected. */
export interface InsertResult {
  /** Calls newly stored (with their rollups). */
  inserted: number;
  /** Calls whose span (project, trace id, span id) was already stored: a retried export. */
  duplicates: number;
  /**
   * Calls the database refused (a value out of a column's range, text Postgres cannot hold, an
   * index row too large...). The rest of the batch is stored without them: an OTLP receiver
   * reports these as partial success (`rejectedSpans`).
   */
  rejected: RejectedCall[];
}

export interface InsertCallsOptions {
  /** Where a rejected call is logged; `console.warn` by default. */
  log?: (message: string) => void;
}

/**
 * Stores a batch of calls durably (committed when this resolves) with their rollups.
 *
 * A database error caused by one call's values never fails the others: the batch is split in
 * halves and each half stored on its own, down to the offending calls, which are logged and
 * returned in `rejected` (a batch with one bad call of 512 costs about twenty statements
 * instead of one). Deadlocks and serialization failures are retried with backoff
 * ({@link withConflictRetry}). Any other error (the database down, a lost connection) is
 * thrown: nothing is known to be stored and the sender should retry the whole batch.
 */
export async function insertCalls(pool: pg.Pool, rows: readonly CallRow[], options: InsertCallsOptions = {}): Promise<InsertResult> {
  const result: InsertResult = { inserted: 0, duplicates: 0, rejected: [] };
  // The same span twice in one batch is stored once (the first), like a re-sent one.
  const seen = new Set<string>();
  const unique: Array<{ index: number; row: CallRow }> = [];
  rows.forEach((row, index) => {
    const key = `${row.projectId}\u0000${row.traceId}\u0000${row.spanId}`;
    if (seen.has(key)) result.duplicates++;
    else {
      seen.add(key);
      unique.push({ index, row });
    }
  });
  await insertIsolating(pool, unique, result, options.log ?? ((message) => console.warn(message)));
  result.rejected.sort((a, b) => a.index - b.index);
  return result;
}

async function insertIsolating(pool: pg.Pool, batch: Array<{ index: number; row: CallRow }>, result: InsertResult, log: (message: string) => void): Promise<void> {
  if (batch.length === 0) return;
  try {
    const inserted = await insertBatch(pool, batch.map((b) => b.row));
    result.inserted += inserted;
    result.duplicates += batch.length - inserted;
  } catch (error) {
    if (!isCallDataError(error)) throw error;
    if (batch.length === 1) {
      const reason = `${(error as Error).message} (SQLSTATE ${sqlStateOf(error)})`;
      const { row, index } = batch[0]!;
      log(`insertCalls: call ${index} (trace ${row.traceId}, span ${row.spanId}) rejected: ${reason}`);
      result.rejected.push({ index, reason });
      return;
    }
    const half = Math.ceil(batch.length / 2);
    await insertIsolating(pool, batch.slice(0, half), result, log);
    await insertIsolating(pool, batch.slice(half), result, log);
  }
}

async function insertBatch(pool: pg.Pool, rows: readonly CallRow[]): Promise<number> {
  const params = [batchJson(rows)];
  const { rows: out } = await withConflictRetry(() => pool.query<{ inserted: number }>({ text: INSERT_SQL, values: params }));
  return out[0]?.inserted ?? 0;
}

/**
 * Errors a call's own values cause, which storing the batch without that call avoids: data
 * exceptions (class 22: out of range, NUL or a lone surrogate in text/JSON), integrity
 * constraints (23: a negative token count) and program limits (54: an index row too large).
 * A retryable conflict that outlived its retries is not one of them.
 */
function isCallDataError(error: unknown): boolean {
  if (isRetryableConflict(error)) return false;
  const state = sqlStateOf(error);
  return state !== undefined && ['22', '23', '54'].includes(state.slice(0, 2));
}
