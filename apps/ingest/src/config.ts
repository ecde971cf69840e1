import { z } from 'zod';

const ZIngestEnv = z.object({
  INGEST_PORT: z.coerce.number().int().min(0).max(65535).default(4318),
  INGEST_HOST: z.string().default('0.0.0.0'),
  /** Largest request body after decompression, in bytes. */
  INGEST_MAX_BODY_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  /** Most spans accepted in one request. */
  INGEST_MAX_SPANS_PER_REQUEST: z.coerce.number().int().positive().default(10_000),
  /** Requests writing to the database at once; more wait, up to INGEST_MAX_QUEUED. */
  INGEST_MAX_CONCURRENT_WRITES: z.coerce.number().int().positive().default(4),
  /** Requests allowed to wait for a write slot before the ingest answers 503 with Retry-After. */
  INGEST_MAX_QUEUED: z.coerce.number().int().nonnegative().default(32),
  /**
   * Requests whose bodies the ingest holds at once (reading, decoding, writing); one more is
   * refused at once with 503 + Retry-After, before its body is read.
   */
  INGEST_MAX_INFLIGHT_REQUESTS: z.coerce.number().int().positive().default(8),
  /**
   * Body bytes (raw plus decompressed) the ingest holds at once; above it, new requests get 503.
   * Decoded, a body takes about 25 times its size in memory, more while it is written. 4 MiB let the ingest reach 347–351 MB in the overload test (40 senders × 2,000-span batches); 2 MiB kept it at 256 MB.
   */
  INGEST_MAX_INFLIGHT_BYTES: z.coerce.number().int().positive().default(2 * 1024 * 1024),
  /**
   * An admitted request not yet being written this long after it arrived is answered 503 with
   * Retry-After (nothing stored), so that every answer comes before an exporter's default 10 s
   * timeout; admission adapts to answer within half of it (ms).
   */
  INGEST_REQUEST_DEADLINE_MS: z.coerce.number().int().positive().default(7_000),
  /** Oldest accepted call start time, in days before now; older calls are rejected alone. */
  INGEST_MAX_SPAN_AGE_DAYS: z.coerce.number().positive().default(30),
  /** Store prompt and completion content when spans carry it (truncated to the content limit). */
  INGEST_STORE_CONTENT: z.enum(['true', 'false']).default('true').transform((v) => v === 'true'),
});

export type IngestConfig = z.infer<typeof ZIngestEnv>;

/** Reads and checks the ingest's environment variables. */
export function readIngestConfig(env: Record<string, string | undefined> = process.env): IngestConfig {
  const parsed = ZIngestEnv.safeParse(env);
  if (!parsed.success) {
    throw new Error(`Invalid ingest settings: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return parsed.data;
}
