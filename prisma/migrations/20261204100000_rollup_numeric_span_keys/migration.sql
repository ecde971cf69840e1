-- Rollup sums that cannot overflow. A token count is a BIGINT per call, so a bucket's sum of
-- tokens (or of costs, each up to DECIMAL(20,10)) could pass the column's range: one stored call
-- with ~9.2e18 tokens made every later write to its bucket fail. NUMERIC(38,0) holds 10^19
-- calls of the largest BIGINT. Call counts stay BIGINT (each call adds one). The duration sums
-- stay DOUBLE PRECISION: a float sum absorbs small additions, so only a second absurd value can
-- overflow it, and that call is rejected alone by the insert path.
ALTER TABLE "call_rollups_hourly"
    ALTER COLUMN "input_tokens" TYPE NUMERIC(38,0),
    ALTER COLUMN "output_tokens" TYPE NUMERIC(38,0),
    ALTER COLUMN "cache_read_tokens" TYPE NUMERIC(38,0),
    ALTER COLUMN "cache_write_tokens" TYPE NUMERIC(38,0),
    ALTER COLUMN "reasoning_tokens" TYPE NUMERIC(38,0),
    ALTER COLUMN "cost_usd" TYPE NUMERIC(38,10);
ALTER TABLE "call_rollups_daily"
    ALTER COLUMN "input_tokens" TYPE NUMERIC(38,0),
    ALTER COLUMN "output_tokens" TYPE NUMERIC(38,0),
    ALTER COLUMN "cache_read_tokens" TYPE NUMERIC(38,0),
    ALTER COLUMN "cache_write_tokens" TYPE NUMERIC(38,0),
    ALTER COLUMN "reasoning_tokens" TYPE NUMERIC(38,0),
    ALTER COLUMN "cost_usd" TYPE NUMERIC(38,10);

-- Idempotency by span identity whatever the start time. `llm_calls` is partitioned on
-- start_time, so its primary key must include it and a span re-sent with another start time
-- (re-timed to milliseconds by a hop) was stored twice. Each stored span claims its identity
-- here first (INSERT … ON CONFLICT DO NOTHING in the same statement as the call and its
-- rollups); only claimed spans are stored. No foreign key, as for llm_calls: deleting a
-- project's calls releases their keys through the trigger below.
CREATE TABLE "call_span_keys" (
    "project_id" UUID NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    CONSTRAINT "call_span_keys_pkey" PRIMARY KEY ("project_id", "trace_id", "span_id")
);

INSERT INTO "call_span_keys" ("project_id", "trace_id", "span_id")
SELECT DISTINCT "project_id", "trace_id", "span_id" FROM "llm_calls"
ON CONFLICT DO NOTHING;

-- Deleting calls (a project's deletion, a test's cleanup) frees their span identities, so a
-- span sent again afterwards is stored again, as before.
CREATE FUNCTION tierlens_release_span_keys() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM call_span_keys k USING deleted_calls d
    WHERE k.project_id = d.project_id AND k.trace_id = d.trace_id AND k.span_id = d.span_id;
    RETURN NULL;
END $$;

CREATE TRIGGER "llm_calls_release_span_keys" AFTER DELETE ON "llm_calls"
    REFERENCING OLD TABLE AS deleted_calls FOR EACH STATEMENT EXECUTE FUNCTION tierlens_release_span_keys();
