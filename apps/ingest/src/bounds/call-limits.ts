/**
 * What one stored call may hold. A call outside these bounds is rejected alone (OTLP partial
 * success, with the field named); over-long strings are cut, never rejected. The numbers keep
 * every value inside its column (`int8`, `DECIMAL(20,10)`, btree index rows) and keep sums of
 * many calls (the rollups) far from overflowing.
 */

/** Largest token count of one kind in one call: 10^12 (a million times the largest context window). */
export const MAX_TOKENS = 1_000_000_000_000;

/** Digits before the point of a cost: `DECIMAL(20,10)` holds up to 9,999,999,999.9999999999 USD (below 10^10). */
export const MAX_COST_INTEGER_DIGITS = 10;

/** How far back a call's start time may lie (the default of `INGEST_MAX_SPAN_AGE_DAYS`). */
export const DEFAULT_MAX_SPAN_AGE_DAYS = 30;

/** How far ahead of the ingest's clock a call's start time may lie (clock skew between hosts). */
export const MAX_SPAN_LEAD_MS = 24 * 60 * 60 * 1000;

/** Longest call duration (and time to first token): one day. */
export const MAX_DURATION_MS = 24 * 60 * 60 * 1000;

/** Model, provider, feature, environment, operation, query type, error type, service name: bytes of UTF-8. */
export const MAX_NAME_BYTES = 256;

/** End-user id, price version and other ids: bytes of UTF-8. */
export const MAX_ID_BYTES = 128;

/** One finish reason: bytes of UTF-8; a call keeps at most {@link MAX_FINISH_REASONS}. */
export const MAX_FINISH_REASON_BYTES = 64;

/** Finish reasons kept per call. */
export const MAX_FINISH_REASONS = 16;
