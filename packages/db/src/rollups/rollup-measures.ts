/**
 * The one list of what a rollup row holds. The ingest's insert, the rollup reads, re-pricing and
 * the bench seeder all build their SQL from these lists, so adding a measure is one entry here
 * (plus its column in a migration and the schema).
 */

/** Dimension columns of `call_rollups_hourly` / `call_rollups_daily`, after project and bucket, in key order. */
export const ROLLUP_DIMENSIONS = ['provider', 'model', 'query_type', 'feature', 'environment'] as const;
export type RollupDimensionColumn = (typeof ROLLUP_DIMENSIONS)[number];

/**
 * How each dimension is taken from a call: `''` stands for "none" (the key of an upsert cannot
 * hold NULLs).
 */
export const ROLLUP_DIMENSION_FROM_CALLS: Record<RollupDimensionColumn, string> = {
  provider: "coalesce(provider, '')",
  model: 'model',
  query_type: 'query_type',
  feature: "coalesce(feature, '')",
  environment: "coalesce(environment, '')",
};

/** What a measure is, which decides how it is read back: a count, a token sum, exact USD or milliseconds. */
export type RollupMeasureKind = 'count' | 'tokens' | 'usd' | 'ms';

export interface RollupMeasure {
  /** Column in the rollup tables. */
  column: string;
  /** Field of the rollup row (`RollupRow`) the readers return. */
  field: string;
  kind: RollupMeasureKind;
  /** Aggregate over `llm_calls` rows that gives this measure for a group of calls. */
  fromCalls: string;
}

/** The summed columns of a rollup row, in table order. */
export const ROLLUP_MEASURES = [
  { column: 'calls', field: 'calls', kind: 'count', fromCalls: 'count(*)' },
  { column: 'error_calls', field: 'errorCalls', kind: 'count', fromCalls: "count(*) FILTER (WHERE status = 'error')" },
  {
    column: 'truncated_calls',
    field: 'truncatedCalls',
    kind: 'count',
    fromCalls: "count(*) FILTER (WHERE 'length' = ANY(finish_reasons) OR 'max_tokens' = ANY(finish_reasons))",
  },
  { column: 'unpriced_calls', field: 'unpricedCalls', kind: 'count', fromCalls: 'count(*) FILTER (WHERE cost_usd IS NULL)' },
  { column: 'input_tokens', field: 'inputTokens', kind: 'tokens', fromCalls: 'sum(input_tokens)' },
  { column: 'output_tokens', field: 'outputTokens', kind: 'tokens', fromCalls: 'sum(output_tokens)' },
  { column: 'cache_read_tokens', field: 'cacheReadTokens', kind: 'tokens', fromCalls: 'sum(cache_read_tokens)' },
  { column: 'cache_write_tokens', field: 'cacheWriteTokens', kind: 'tokens', fromCalls: 'sum(cache_write_tokens)' },
  { column: 'reasoning_tokens', field: 'reasoningTokens', kind: 'tokens', fromCalls: 'sum(reasoning_tokens)' },
  { column: 'cost_usd', field: 'costUsd', kind: 'usd', fromCalls: 'coalesce(sum(cost_usd), 0)' },
  { column: 'duration_ms_sum', field: 'durationMsSum', kind: 'ms', fromCalls: 'sum(duration_ms)' },
  { column: 'ttft_ms_sum', field: 'ttftMsSum', kind: 'ms', fromCalls: 'coalesce(sum(time_to_first_token_ms), 0)' },
  { column: 'ttft_calls', field: 'ttftCalls', kind: 'count', fromCalls: 'count(time_to_first_token_ms)' },
] as const satisfies readonly RollupMeasure[];

/** Measure columns, comma-separated, in table order. */
export const ROLLUP_MEASURE_COLUMNS = ROLLUP_MEASURES.map((m) => m.column).join(', ');

/** The measures of a group of `llm_calls` rows, each `AS` its column (for a `GROUP BY` over calls). */
export function rollupMeasuresFromCalls(): string {
  return ROLLUP_MEASURES.map((m) => `${m.fromCalls} AS ${m.column}`).join(', ');
}

/**
 * The measures summed over rollup rows, each `AS` its column, cast so they read back without
 * overflow: counts as BIGINT, token sums (NUMERIC) as float8, USD as exact text.
 */
export function rollupMeasureSums(): string {
  const cast: Record<RollupMeasureKind, string> = { count: '::bigint', tokens: '::float8', usd: '::text', ms: '' };
  return ROLLUP_MEASURES.map((m) => `sum(${m.column})${cast[m.kind]} AS ${m.column}`).join(', ');
}

/** `SET` list of an upsert that adds the incoming measures (`excluded`) to the stored row (`alias`). */
export function rollupMeasureAdditions(alias: string): string {
  return ROLLUP_MEASURES.map((m) => `${m.column} = ${alias}.${m.column} + excluded.${m.column}`).join(', ');
}

/** The measures of a row read back from SQL, as the rollup row's fields (counts and sums as numbers, USD as text). */
export function readRollupMeasures(r: Record<string, unknown>): Record<(typeof ROLLUP_MEASURES)[number]['field'], number | string> {
  const out = {} as Record<(typeof ROLLUP_MEASURES)[number]['field'], number | string>;
  for (const m of ROLLUP_MEASURES) {
    const v = r[m.column];
    out[m.field] = m.kind === 'usd' ? String(v ?? '0') : Number(v ?? 0);
  }
  return out;
}
