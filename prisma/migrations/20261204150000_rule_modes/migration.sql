-- Rules gain a mode for the SDK: off (not served), shadow (the SDK records what it would do),
-- canary (enforced on `canary_share` of the matching calls, the rest are the control group) and
-- enforce. A rule the safety check pauses goes back to off with `paused_at` and `pause_reason`.
-- Existing rules were never applied by the SDK: they start off, so nothing changes for them.
ALTER TABLE "routing_rules" ADD COLUMN "mode" TEXT NOT NULL DEFAULT 'off';
ALTER TABLE "routing_rules" ADD COLUMN "canary_share" DOUBLE PRECISION;
ALTER TABLE "routing_rules" ADD COLUMN "paused_at" TIMESTAMPTZ(3);
ALTER TABLE "routing_rules" ADD COLUMN "pause_reason" TEXT;
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_mode_check" CHECK ("mode" IN ('off', 'shadow', 'canary', 'enforce'));
ALTER TABLE "routing_rules" ADD CONSTRAINT "routing_rules_canary_share_check"
  CHECK (("mode" = 'canary') = ("canary_share" IS NOT NULL) AND ("canary_share" IS NULL OR ("canary_share" > 0 AND "canary_share" < 1)));

-- What the SDK did with a call (`tierlens.routing.*` span attributes): the rule that matched, how
-- it applied (shadow, canary, enforce), the model the app asked for when the rule rewrote it, and
-- whether the call was in a canary's control group. Null for calls no rule matched.
ALTER TABLE "llm_calls" ADD COLUMN "routing_rule_id" TEXT;
ALTER TABLE "llm_calls" ADD COLUMN "routing_mode" TEXT;
ALTER TABLE "llm_calls" ADD COLUMN "routing_original_model" TEXT;
ALTER TABLE "llm_calls" ADD COLUMN "routing_control" BOOLEAN;

-- Realized savings and the safety check read a project's calls per rule.
CREATE INDEX "llm_calls_project_id_routing_rule_id_start_time_idx" ON "llm_calls"("project_id", "routing_rule_id", "start_time") WHERE "routing_rule_id" IS NOT NULL;
