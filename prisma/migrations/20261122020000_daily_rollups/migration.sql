-- Daily rollups: the same sums as call_rollups_hourly per UTC day, kept in the same statement as
-- the calls. Dashboards read whole days from here and only the partial days at a range's edges
-- from the hourly table, so a 90-day page aggregates ~90× fewer rows.
CREATE TABLE "call_rollups_daily" (
    "project_id" UUID NOT NULL,
    "day" TIMESTAMPTZ(3) NOT NULL,
    "provider" TEXT NOT NULL DEFAULT '',
    "model" TEXT NOT NULL,
    "query_type" TEXT NOT NULL,
    "feature" TEXT NOT NULL DEFAULT '',
    "environment" TEXT NOT NULL DEFAULT '',
    "calls" BIGINT NOT NULL DEFAULT 0,
    "error_calls" BIGINT NOT NULL DEFAULT 0,
    "truncated_calls" BIGINT NOT NULL DEFAULT 0,
    "unpriced_calls" BIGINT NOT NULL DEFAULT 0,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_read_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_write_tokens" BIGINT NOT NULL DEFAULT 0,
    "reasoning_tokens" BIGINT NOT NULL DEFAULT 0,
    "cost_usd" DECIMAL(24,10) NOT NULL DEFAULT 0,
    "duration_ms_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "ttft_ms_sum" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "ttft_calls" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "call_rollups_daily_pkey" PRIMARY KEY ("project_id", "day", "provider", "model", "query_type", "feature", "environment")
);
ALTER TABLE "call_rollups_daily" ADD CONSTRAINT "call_rollups_daily_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Existing hourly rows (databases created before this migration) fold into days.
INSERT INTO "call_rollups_daily"
SELECT project_id, date_trunc('day', hour, 'UTC'), provider, model, query_type, feature, environment,
       sum(calls), sum(error_calls), sum(truncated_calls), sum(unpriced_calls), sum(input_tokens), sum(output_tokens),
       sum(cache_read_tokens), sum(cache_write_tokens), sum(reasoning_tokens), sum(cost_usd), sum(duration_ms_sum),
       sum(ttft_ms_sum), sum(ttft_calls)
FROM "call_rollups_hourly" GROUP BY 1, 2, 3, 4, 5, 6, 7;
