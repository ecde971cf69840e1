-- Weekly report deliveries with retries and leases. `next_attempt_at` is when a delivery may next
-- be attempted: after a failed send, the end of its backoff; while a process holds the claim, the
-- end of the claim's lease, after which another process may take over a claim whose process died.
-- `message_id` is the email's Message-ID, the same on every attempt of one delivery.
ALTER TABLE "report_deliveries" ADD COLUMN "next_attempt_at" TIMESTAMPTZ(3);
ALTER TABLE "report_deliveries" ADD COLUMN "message_id" TEXT;

-- Claims made before this migration have no lease: they may be taken over at once.
UPDATE "report_deliveries" SET "next_attempt_at" = "claimed_at" WHERE "status" NOT IN ('sent', 'failed', 'skipped');

CREATE INDEX "report_deliveries_status_next_attempt_at_idx" ON "report_deliveries"("status", "next_attempt_at");
