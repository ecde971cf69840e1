-- An organization's changes to the built-in model catalog: one row per model, holding the
-- override as the analyzer's `ZCatalogOverride` reads it (tier, aliases, evidence per query type).
CREATE TABLE "catalog_overrides" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "organization_id" TEXT NOT NULL,
    "model_id" TEXT NOT NULL,
    "override" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "catalog_overrides_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "catalog_overrides_organization_id_model_id_key" ON "catalog_overrides"("organization_id", "model_id");

ALTER TABLE "catalog_overrides" ADD CONSTRAINT "catalog_overrides_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
