const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_SPAN_ID = '0'.repeat(16);

/**
 * Why a span's ids are unusable, or null when they are valid. Ids are lowercase hex here;
 * `byteLengths` are the lengths as received (hex length / 2 for JSON).
 * A trace id must be 16 non-zero bytes, a span id 8 non-zero bytes, a parent id empty or 8 bytes.
 */
export function checkSpanIds(traceId: string, spanId: string, parentSpanId: string | null): string | null {
  if (traceId.length !== 32) return `trace_id must be 16 bytes, got ${traceId.length / 2}`;
  if (traceId === ZERO_TRACE_ID) return 'trace_id is all zeroes';
  if (spanId.length !== 16) return `span_id must be 8 bytes, got ${spanId.length / 2}`;
  if (spanId === ZERO_SPAN_ID) return 'span_id is all zeroes';
  if (parentSpanId !== null && parentSpanId.length !== 16) {
    return `parent_span_id must be empty or 8 bytes, got ${parentSpanId.length / 2}`;
  }
  return null;
}

/** A parent id that is all zeroes is treated as absent (some exporters send one for roots). */
export function normalizeParentId(hex: string): string | null {
  return hex.length === 0 || hex === ZERO_SPAN_ID ? null : hex;
}
