/** Reasons listed in `partial_success.error_message`; the rest are counted, not named. */
const MAX_REASONS_LISTED = 5;

/**
 * The spans of one request that were not stored, with why: the OTLP `partial_success` of the
 * answer. Every stage that can refuse a single span adds to it (decoding, mapping, the bounds
 * check, and the database write when it reports per-call failures), so one message names them
 * all and `rejectedSpans` counts each span once.
 */
export class SpanRejections {
  private readonly reasons = new Map<string, number>();
  private total = 0;

  /** Records `count` spans refused for `reason` (a sentence naming the field). */
  add(reason: string, count = 1): void {
    this.reasons.set(reason, (this.reasons.get(reason) ?? 0) + count);
    this.total += count;
  }

  /** Spans refused so far. */
  get count(): number {
    return this.total;
  }

  /** The most frequent reasons, e.g. `2 span(s) rejected: input_tokens … is outside 0..10^12; …`. */
  message(): string {
    const sorted = [...this.reasons.entries()].sort((a, b) => b[1] - a[1]);
    const listed = sorted.slice(0, MAX_REASONS_LISTED).map(([reason, n]) => `${n} span(s) rejected: ${reason}`);
    if (sorted.length > MAX_REASONS_LISTED) listed.push(`${sorted.length - MAX_REASONS_LISTED} more reason(s)`);
    return listed.join('; ');
  }
}
