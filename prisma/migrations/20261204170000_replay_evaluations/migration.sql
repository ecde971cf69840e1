-- Provider credentials per project (an OpenAI-compatible base URL and key, or Anthropic), used by
-- replay evaluations and LLM labelling. The key is stored only as AES-256-GCM ciphertext
-- (`v1.<iv>.<tag>.<data>`, base64url), bound to the credential's id and project.
CREATE TABLE "provider_credentials" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "base_url" TEXT,
    "key_ciphertext" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "provider_credentials_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "provider_credentials_kind_check" CHECK ("kind" IN ('openai', 'anthropic'))
);
CREATE UNIQUE INDEX "provider_credentials_project_id_name_key" ON "provider_credentials"("project_id", "name");
ALTER TABLE "provider_credentials" ADD CONSTRAINT "provider_credentials_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A replay evaluation: a job claimed like the weekly report deliveries (`attempts` is the claim's
-- fencing token, `lease_until` the end of the claim's lease, after which another process takes it over).
CREATE TABLE "replay_evaluations" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "query_type" TEXT NOT NULL,
    "feature" TEXT NOT NULL DEFAULT '',
    "provider" TEXT,
    "current_model" TEXT NOT NULL,
    "candidate_model" TEXT NOT NULL,
    "judge_model" TEXT,
    "method" TEXT NOT NULL,
    "current_credential_id" UUID,
    "candidate_credential_id" UUID,
    "judge_credential_id" UUID,
    "spend_cap_usd" DECIMAL(20,10) NOT NULL,
    "spent_usd" DECIMAL(20,10) NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lease_until" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "result" JSONB,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "replay_evaluations_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "replay_evaluations_status_check" CHECK ("status" IN ('queued', 'running', 'completed', 'capped', 'cancelled', 'failed')),
    CONSTRAINT "replay_evaluations_method_check" CHECK ("method" IN ('pairwise', 'exact_match'))
);
CREATE INDEX "replay_evaluations_project_id_created_at_idx" ON "replay_evaluations"("project_id", "created_at");
CREATE INDEX "replay_evaluations_status_lease_until_idx" ON "replay_evaluations"("status", "lease_until");
ALTER TABLE "replay_evaluations" ADD CONSTRAINT "replay_evaluations_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "replay_evaluations" ADD CONSTRAINT "replay_evaluations_current_credential_id_fkey" FOREIGN KEY ("current_credential_id") REFERENCES "provider_credentials"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "replay_evaluations" ADD CONSTRAINT "replay_evaluations_candidate_credential_id_fkey" FOREIGN KEY ("candidate_credential_id") REFERENCES "provider_credentials"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "replay_evaluations" ADD CONSTRAINT "replay_evaluations_judge_credential_id_fkey" FOREIGN KEY ("judge_credential_id") REFERENCES "provider_credentials"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- One sampled prompt of an evaluation and, once done, its outcome; a resumed run skips done items.
CREATE TABLE "replay_evaluation_items" (
    "id" UUID NOT NULL,
    "evaluation_id" UUID NOT NULL,
    "position" INTEGER NOT NULL,
    "stratum" TEXT NOT NULL DEFAULT '',
    "prompt" JSONB NOT NULL,
    "reference" TEXT,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "outcome" TEXT,
    "current_output" TEXT,
    "candidate_output" TEXT,
    "current_cost_usd" DECIMAL(20,10),
    "candidate_cost_usd" DECIMAL(20,10),
    "judge_cost_usd" DECIMAL(20,10),
    "error" TEXT,
    "done_at" TIMESTAMPTZ(3),
    CONSTRAINT "replay_evaluation_items_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "replay_evaluation_items_status_check" CHECK ("status" IN ('pending', 'done', 'failed')),
    CONSTRAINT "replay_evaluation_items_outcome_check" CHECK ("outcome" IS NULL OR "outcome" IN ('win', 'tie', 'loss'))
);
CREATE UNIQUE INDEX "replay_evaluation_items_evaluation_id_position_key" ON "replay_evaluation_items"("evaluation_id", "position");
ALTER TABLE "replay_evaluation_items" ADD CONSTRAINT "replay_evaluation_items_evaluation_id_fkey" FOREIGN KEY ("evaluation_id") REFERENCES "replay_evaluations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
