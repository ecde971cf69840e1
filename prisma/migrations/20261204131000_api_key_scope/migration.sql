-- What a project API key may do: `write` sends spans to the ingest (and reads its own project
-- through the read API); `read` only reads its project through the read API (`/api/v1`).
ALTER TABLE "api_keys" ADD COLUMN "scope" TEXT NOT NULL DEFAULT 'write';
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_scope_check" CHECK ("scope" IN ('write', 'read'));
