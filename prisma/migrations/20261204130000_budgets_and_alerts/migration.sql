-- Budgets: a spend limit per month or week (in the owner's time zone) for an organization, a
-- project, or one feature, query type or model of a project. Informational: nothing blocks calls.
CREATE TABLE "budgets" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" TEXT NOT NULL,
    "project_id" UUID,
    "scope" TEXT NOT NULL,
    "scope_value" TEXT NOT NULL DEFAULT '',
    "name" TEXT NOT NULL,
    "period" TEXT NOT NULL DEFAULT 'month',
    "time_zone" TEXT NOT NULL DEFAULT 'UTC',
    "limit_usd" DECIMAL(20,10) NOT NULL,
    "thresholds" INTEGER[] NOT NULL DEFAULT ARRAY[50, 80, 100]::INTEGER[],
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "budgets_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "budgets_scope_check" CHECK ("scope" IN ('organization', 'project', 'feature', 'query_type', 'model')),
    CONSTRAINT "budgets_period_check" CHECK ("period" IN ('month', 'week')),
    CONSTRAINT "budgets_limit_check" CHECK ("limit_usd" > 0)
);
CREATE INDEX "budgets_organization_id_idx" ON "budgets"("organization_id");
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "budgets" ADD CONSTRAINT "budgets_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Where an organization's notifications go: email addresses, a Slack incoming webhook, or a
-- generic webhook signed with HMAC-SHA256 (the secret is never sent back to the browser).
CREATE TABLE "notification_channels" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "secret" TEXT,
    "events" TEXT[] NOT NULL DEFAULT ARRAY['budget', 'anomaly']::TEXT[],
    "enabled" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "notification_channels_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_channels_kind_check" CHECK ("kind" IN ('email', 'slack', 'webhook'))
);
CREATE INDEX "notification_channels_organization_id_idx" ON "notification_channels"("organization_id");
ALTER TABLE "notification_channels" ADD CONSTRAINT "notification_channels_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One event (a budget threshold in a period, an anomaly) for one channel. The insert is the
-- claim: (channel, event key) is unique, so however many schedulers evaluate the same budget,
-- each event reaches each channel once. Sending then follows the weekly reports' rules: a lease
-- while claimed, retries with backoff, the outcome and the last error kept as the delivery log.
CREATE TABLE "notification_deliveries" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "channel_id" UUID NOT NULL,
    "event_key" TEXT NOT NULL,
    "event" JSONB NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "response_status" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMPTZ(3),
    CONSTRAINT "notification_deliveries_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "notification_deliveries_status_check" CHECK ("status" IN ('pending', 'claimed', 'retry', 'sent', 'failed'))
);
CREATE UNIQUE INDEX "notification_deliveries_channel_id_event_key_key" ON "notification_deliveries"("channel_id", "event_key");
CREATE INDEX "notification_deliveries_status_next_attempt_at_idx" ON "notification_deliveries"("status", "next_attempt_at");
ALTER TABLE "notification_deliveries" ADD CONSTRAINT "notification_deliveries_channel_id_fkey" FOREIGN KEY ("channel_id") REFERENCES "notification_channels"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hours whose spend jumped above the same hour of the previous weeks, per project × query type ×
-- model, with the driver (feature, model, query type or end user) whose spend moved. Unique per
-- series and first hour, so a second detector finds it already there.
CREATE TABLE "spend_anomalies" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "query_type" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "from_hour" TIMESTAMPTZ(3) NOT NULL,
    "to_hour" TIMESTAMPTZ(3) NOT NULL,
    "spend_usd" DECIMAL(20,10) NOT NULL,
    "expected_usd" DECIMAL(20,10) NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "drivers" JSONB NOT NULL DEFAULT '[]',
    "detected_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "spend_anomalies_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "spend_anomalies_project_id_query_type_model_from_hour_key" ON "spend_anomalies"("project_id", "query_type", "model", "from_hour");
ALTER TABLE "spend_anomalies" ADD CONSTRAINT "spend_anomalies_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
