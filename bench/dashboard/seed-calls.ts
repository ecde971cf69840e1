import type pg from 'pg';
import { ROLLUP_DIMENSIONS, ROLLUP_DIMENSION_FROM_CALLS, ROLLUP_MEASURE_COLUMNS, ROLLUP_MEASURES, rollupMeasuresFromCalls } from '@tierlens/db';

/** Models of the synthetic project: [provider, model, input $/MTok, output $/MTok, share of calls]. */
export const SEED_MODELS: Array<[string, string, number, number, number]> = [
  ['openai', 'gpt-4o', 2.5, 10, 0.18],
  ['openai', 'gpt-4o-mini', 0.15, 0.6, 0.22],
  ['openai', 'gpt-5', 1.25, 10, 0.08],
  ['openai', 'gpt-5-mini', 0.25, 2, 0.12],
  ['anthropic', 'claude-opus-4-6', 5, 25, 0.06],
  ['anthropic', 'claude-sonnet-4-6', 3, 15, 0.14],
  ['anthropic', 'claude-haiku-4-5', 1, 5, 0.1],
  ['gcp.gemini', 'gemini-2.5-pro', 1.25, 10, 0.05],
  ['gcp.gemini', 'gemini-2.5-flash', 0.3, 2.5, 0.05],
];
export const SEED_QUERY_TYPES = ['coding', 'math', 'expert_qa', 'summarization', 'extraction', 'classification', 'translation', 'creative_writing', 'general_chat', 'agentic'];
export const SEED_FEATURES = ['search', 'support-bot', 'code-review', 'reports', ''];

/**
 * Seeds `n` calls spread over `days` days before `end` directly in SQL (generate_series), then
 * builds their hourly and daily rollups from them (with the data layer's measure list): the fastest honest way to get 10M rows for measuring
 * read paths. Costs are computed from the list prices above, so sums are meaningful.
 */
export async function seedCalls(pool: pg.Pool, projectId: string, n: number, days: number, end: Date): Promise<void> {
  const models = SEED_MODELS.map(([p, m, i, o, s]) => `('${p}','${m}',${i},${o},${s})`).join(',');
  const qts = SEED_QUERY_TYPES.map((q) => `'${q}'`).join(',');
  const features = SEED_FEATURES.map((f) => `'${f}'`).join(',');
  await pool.query(`SELECT tierlens_ensure_call_partitions($1::timestamptz - make_interval(days => $2), $1::timestamptz + interval '1 day')`, [end, days]);
  // Monotonic ids keep the primary-key index appending instead of splitting pages at random.
  await pool.query('SET synchronous_commit = off');
  const chunk = 1_000_000;
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    await pool.query(
      `WITH m AS (SELECT *, sum(share) OVER (ORDER BY model) - share AS lo, sum(share) OVER (ORDER BY model) AS hi
                  FROM (VALUES ${models}) AS v(provider, model, pin, pout, share)),
            g AS (SELECT i, random() AS r, (random() * 0.999) AS rm FROM generate_series($2::bigint, $3::bigint - 1) AS i),
            c AS (SELECT g.i, m.provider, m.model, m.pin, m.pout,
                         (ARRAY[${qts}])[1 + (g.i * 7919 % ${SEED_QUERY_TYPES.length})] AS query_type,
                         (ARRAY[${features}])[1 + (g.i * 104729 % ${SEED_FEATURES.length})] AS feature,
                         $4::timestamptz - (g.r * make_interval(days => $5)) AS start_time,
                         (200 + (g.i * 31 % 4000))::bigint AS input_tokens,
                         (50 + (g.i * 17 % 900))::bigint AS output_tokens
                  FROM g JOIN m ON g.rm >= m.lo AND g.rm < m.hi)
       INSERT INTO llm_calls (project_id, trace_id, span_id, start_time, duration_ms, provider, request_model, response_model, model,
                              operation, status, input_tokens, output_tokens, cost_usd, price_version, query_type, query_type_source,
                              query_type_confidence, feature, environment, convention, finish_reasons)
       SELECT $1::uuid, lpad(to_hex(i), 32, '0'), lpad(to_hex(i), 16, '0'), start_time, 400 + (i % 3000), provider, model, model, model,
              'chat', CASE WHEN i % 97 = 0 THEN 'error' ELSE 'ok' END, input_tokens, output_tokens,
              round((input_tokens * pin + output_tokens * pout) / 1e6, 10), 'bench', query_type, 'classifier', 0.9,
              nullif(feature, ''), 'production', 'tierlens', CASE WHEN i % 53 = 0 THEN ARRAY['length'] ELSE ARRAY['stop'] END
       FROM c`,
      [projectId, from, to, end, days],
    );
  }
  // The rollups are built with the same measure list the ingest folds calls in with.
  const dims = ROLLUP_DIMENSIONS.join(', ');
  await pool.query(
    `INSERT INTO call_rollups_hourly (project_id, hour, ${dims}, ${ROLLUP_MEASURE_COLUMNS})
     SELECT project_id, date_trunc('hour', start_time, 'UTC'), ${ROLLUP_DIMENSIONS.map((d) => ROLLUP_DIMENSION_FROM_CALLS[d]).join(', ')},
            ${rollupMeasuresFromCalls()}
     FROM llm_calls WHERE project_id = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    [projectId],
  );
  await pool.query(
    `INSERT INTO call_rollups_daily (project_id, day, ${dims}, ${ROLLUP_MEASURE_COLUMNS})
     SELECT project_id, date_trunc('day', hour, 'UTC'), ${dims}, ${ROLLUP_MEASURES.map((m) => `sum(${m.column})`).join(', ')}
     FROM call_rollups_hourly WHERE project_id = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7`,
    [projectId],
  );
  await pool.query('ANALYZE llm_calls; ANALYZE call_rollups_hourly; ANALYZE call_rollups_daily');
}
