-- Prompt templates and people's corrections of query types.
--
-- Each call keeps its template fingerprint (a hash of its normalised system prompt, else of its
-- instruction region; null when the span carried no prompt) and the query type the automatic
-- evidence gave it (app hint, tools, classifier, template majority) before any correction. The
-- effective `query_type` is that automatic result unless an active correction names the call,
-- its template or its feature: then it is the correction's type, `query_type_source = 'manual'`.
-- Undoing a correction re-types the calls to their automatic result, which is why it is kept.
ALTER TABLE "llm_calls"
    ADD COLUMN "template_fingerprint" TEXT,
    ADD COLUMN "auto_query_type" TEXT NOT NULL DEFAULT 'unknown',
    ADD COLUMN "auto_query_type_source" TEXT NOT NULL DEFAULT 'none',
    ADD COLUMN "auto_query_type_confidence" DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE "llm_calls" SET "auto_query_type" = "query_type", "auto_query_type_source" = "query_type_source",
    "auto_query_type_confidence" = "query_type_confidence";
CREATE INDEX "llm_calls_project_id_template_fingerprint_idx" ON "llm_calls"("project_id", "template_fingerprint");

-- How many calls of a template (per project × feature × fingerprint) the classifier typed with
-- confidence, per query type: the votes a weakly classified call of the template inherits the
-- majority of. Maintained by the ingest in the statement that stores the calls. `feature` is
-- '' for calls without one (a key cannot hold NULL).
CREATE TABLE "prompt_template_votes" (
    "project_id" UUID NOT NULL,
    "feature" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "query_type" TEXT NOT NULL,
    "calls" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "prompt_template_votes_pkey" PRIMARY KEY ("project_id", "feature", "fingerprint", "query_type")
);
ALTER TABLE "prompt_template_votes" ADD CONSTRAINT "prompt_template_votes_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A person's correction of the query type of a feature, a template or one call. Active while
-- `undone_at` is null; kept after undo so the list shows what was done and by whom.
CREATE TABLE "query_type_corrections" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "project_id" UUID NOT NULL,
    "scope" TEXT NOT NULL,
    "feature" TEXT,
    "fingerprint" TEXT,
    "trace_id" TEXT,
    "span_id" TEXT,
    "query_type" TEXT NOT NULL,
    "created_by_id" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "undone_at" TIMESTAMPTZ(3),
    "undone_by_id" TEXT,
    "calls_retyped" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "query_type_corrections_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "query_type_corrections_scope" CHECK (
        ("scope" = 'feature' AND "feature" IS NOT NULL AND "fingerprint" IS NULL AND "trace_id" IS NULL)
        OR ("scope" = 'template' AND "fingerprint" IS NOT NULL AND "trace_id" IS NULL)
        OR ("scope" = 'call' AND "trace_id" IS NOT NULL AND "span_id" IS NOT NULL))
);
CREATE INDEX "query_type_corrections_project_id_idx" ON "query_type_corrections"("project_id");
ALTER TABLE "query_type_corrections" ADD CONSTRAINT "query_type_corrections_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "projects"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "query_type_corrections" ADD CONSTRAINT "query_type_corrections_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "query_type_corrections" ADD CONSTRAINT "query_type_corrections_undone_by_id_fkey" FOREIGN KEY ("undone_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
