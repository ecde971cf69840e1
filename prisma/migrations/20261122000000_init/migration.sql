-- Tierlens initial schema. Written by hand in Prisma's migration layout because Prisma's schema
-- engine cannot be downloaded everywhere Tierlens runs; `prisma/schema.prisma` must agree with it
-- (packages/db/src/schema-drift.int.test.ts checks).

-- Accounts (Better Auth core + organization plugin)
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "user_id" TEXT NOT NULL,
    "active_organization_id" TEXT,
    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");
CREATE INDEX "sessions_user_id_idx" ON "sessions"("user_id");

CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMPTZ(3),
    "refresh_token_expires_at" TIMESTAMPTZ(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "accounts_user_id_idx" ON "accounts"("user_id");

CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

CREATE TABLE "organizations" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "logo" TEXT,
    "metadata" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

CREATE TABLE "members" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "role" TEXT NOT NULL DEFAULT 'member',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "members_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "members_organization_id_user_id_key" ON "members"("organization_id", "user_id");
CREATE INDEX "members_user_id_idx" ON "members"("user_id");

CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "organization_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "inviter_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "invitations_organization_id_idx" ON "invitations"("organization_id");
CREATE INDEX "invitations_email_idx" ON "invitations"("email");

-- Projects and keys
CREATE TABLE "projects" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "projects_organization_id_name_key" ON "projects"("organization_id", "name");

CREATE TABLE "api_keys" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL DEFAULT 'default',
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");
CREATE INDEX "api_keys_project_id_idx" ON "api_keys"("project_id");

-- Calls: one wide row per LLM call, range-partitioned by month on start_time. The primary key
-- includes the partition column (Postgres requires it), which keeps a retried span (same trace
-- id, span id and start time) idempotent. Monthly partitions are created ahead of time by
-- tierlens_ensure_call_partitions(); the default partition catches anything outside them.
-- No foreign key to projects: it would cost a lookup per inserted row on the hottest path;
-- project deletion removes calls explicitly.
CREATE TABLE "llm_calls" (
    "project_id" UUID NOT NULL,
    "trace_id" TEXT NOT NULL,
    "span_id" TEXT NOT NULL,
    "start_time" TIMESTAMPTZ(6) NOT NULL,
    "parent_span_id" TEXT,
    "duration_ms" DOUBLE PRECISION NOT NULL,
    "time_to_first_token_ms" DOUBLE PRECISION,
    "provider" TEXT,
    "request_model" TEXT,
    "response_model" TEXT,
    "model" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "error_type" TEXT,
    "input_tokens" BIGINT NOT NULL DEFAULT 0,
    "output_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_read_tokens" BIGINT NOT NULL DEFAULT 0,
    "cache_write_tokens" BIGINT NOT NULL DEFAULT 0,
    "reasoning_tokens" BIGINT NOT NULL DEFAULT 0,
    "usage_source" TEXT NOT NULL DEFAULT 'reported',
    "cost_usd" DECIMAL(20,10),
    "reported_cost_usd" DECIMAL(20,10),
    "price_version" TEXT,
    "query_type" TEXT NOT NULL DEFAULT 'unknown',
    "query_type_source" TEXT NOT NULL DEFAULT 'none',
    "query_type_confidence" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "finish_reasons" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "feature" TEXT,
    "environment" TEXT,
    "end_user_id" TEXT,
    "service_name" TEXT,
    "convention" TEXT NOT NULL,
    "attributes" JSONB NOT NULL DEFAULT '{}',
    "prompt_content" TEXT,
    "completion_content" TEXT,
    "ingested_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "llm_calls_pkey" PRIMARY KEY ("project_id", "trace_id", "span_id", "start_time"),
    CONSTRAINT "llm_calls_tokens_nonnegative" CHECK (
        "input_tokens" >= 0 AND "output_tokens" >= 0 AND "cache_read_tokens" >= 0
        AND "cache_write_tokens" >= 0 AND "reasoning_tokens" >= 0)
) PARTITION BY RANGE ("start_time");
CREATE INDEX "llm_calls_project_id_start_time_idx" ON "llm_calls"("project_id", "start_time");
CREATE TABLE "llm_calls_default" PARTITION OF "llm_calls" DEFAULT;

-- Creates the monthly partitions covering [from, to). Safe to call concurrently and repeatedly.
CREATE FUNCTION tierlens_ensure_call_partitions(from_ts TIMESTAMPTZ, to_ts TIMESTAMPTZ)
RETURNS INTEGER LANGUAGE plpgsql AS $$
DECLARE
    m TIMESTAMPTZ := date_trunc('month', from_ts AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    part TEXT;
    created INTEGER := 0;
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('tierlens_call_partitions'));
    WHILE m < to_ts LOOP
        part := 'llm_calls_' || to_char(m AT TIME ZONE 'UTC', 'YYYYMM');
        IF to_regclass(quote_ident(part)) IS NULL THEN
            -- A month whose rows already sit in the default partition cannot be attached
            -- without moving them; leave it in the default rather than fail the caller.
            IF NOT EXISTS (SELECT 1 FROM llm_calls_default
                           WHERE start_time >= m AND start_time < m + interval '1 month') THEN
                EXECUTE format('CREATE TABLE %I PARTITION OF llm_calls FOR VALUES FROM (%L) TO (%L)',
                               part, m, m + interval '1 month');
                created := created + 1;
            END IF;
        END IF;
        m := m + interval '1 month';
    END LOOP;
    RETURN created;
END $$;

SELECT tierlens_ensure_call_partitions(now() - interval '3 months', now() + interval '3 months');

-- Hourly rollups, maintained in the same transaction as the calls they sum.
CREATE TABLE "call_rollups_hourly" (
    "project_id" UUID NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
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
    CONSTRAINT "call_rollups_hourly_pkey" PRIMARY KEY ("project_id", "hour", "provider", "model", "query_type", "feature", "environment")
);

-- Advice, reports, prices
CREATE TABLE "routing_rules" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "query_type" TEXT NOT NULL,
    "feature" TEXT,
    "from_model" TEXT NOT NULL,
    "to_model" TEXT NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "evidence" JSONB NOT NULL DEFAULT '{}',
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "routing_rules_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "routing_rules_project_id_idx" ON "routing_rules"("project_id");

CREATE TABLE "report_subscriptions" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "user_id" TEXT NOT NULL,
    "project_id" UUID NOT NULL,
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "day_of_week" INTEGER NOT NULL DEFAULT 1,
    "hour" INTEGER NOT NULL DEFAULT 9,
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "report_subscriptions_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "report_subscriptions_user_id_project_id_key" ON "report_subscriptions"("user_id", "project_id");

CREATE TABLE "report_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "subscription_id" UUID NOT NULL,
    "week_start" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'claimed',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "report_deliveries_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "report_deliveries_subscription_id_week_start_key" ON "report_deliveries"("subscription_id", "week_start");

CREATE TABLE "price_overrides" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" TEXT NOT NULL,
    "project_id" UUID,
    "provider" TEXT,
    "model" TEXT NOT NULL,
    "input_per_mtok" DECIMAL(20,10) NOT NULL,
    "output_per_mtok" DECIMAL(20,10) NOT NULL,
    "cache_read_per_mtok" DECIMAL(20,10),
    "cache_write_per_mtok" DECIMAL(20,10),
    "effective_from" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "price_overrides_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "price_overrides_organization_id_idx" ON "price_overrides"("organization_id");

-- Foreign keys
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "members" ADD CONSTRAINT "members_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "members" ADD CONSTRAINT "members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_inviter_id_fkey" FOREIGN KEY ("inviter_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "projects" ADD CONSTRAINT "projects_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "call_rollups_hourly" ADD CONSTRAINT "call_rollups_hourly_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_subscriptions" ADD CONSTRAINT "report_subscriptions_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "report_deliveries" ADD CONSTRAINT "report_deliveries_subscription_id_fkey" FOREIGN KEY ("subscription_id") REFERENCES "report_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "price_overrides" ADD CONSTRAINT "price_overrides_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "price_overrides" ADD CONSTRAINT "price_overrides_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
