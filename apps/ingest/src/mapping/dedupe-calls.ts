import type { CanonicalCall, MapResult } from './canonical-call.ts';

/** Skip reason of a call dropped by {@link dedupeCalls}. */
export const DUPLICATE_PARENT_REASON = 'duplicate of a child LLM span of the same model (the innermost span counts)';

/**
 * Drops LLM calls recorded twice by nested instrumentations, e.g. Traceloop's `anthropic.chat`
 * span over the Anthropic SDK 1.x's own `anthropic.messages.create` span (with different input
 * counts for the same call), or the AI SDK v7 `embeddings` root over its per-call `embeddings`
 * spans. Rule: when a call's direct child in the same batch is also a call of the same model
 * (request or response model equal, or one a dated version of the other), the parent becomes a
 * skip and only the innermost span counts.
 *
 * Limitation: a mapper sees one span and this function one export batch. A parent and child
 * exported in different batches (e.g. the parent ended after the batch processor flushed) are
 * both kept; a skipped span between the two (not a call) also hides the relation.
 *
 * Returns a new array aligned with `results`.
 */
export function dedupeCalls(results: readonly MapResult[]): MapResult[] {
  // Keyed by span id alone (random 64-bit); the trace id is compared on a match.
  const bySpanId = new Map<string, CanonicalCall>();
  for (const result of results) if (result.kind === 'call') bySpanId.set(result.call.spanId, result.call);
  if (bySpanId.size < 2) return results.slice();
  let dropped: Set<CanonicalCall> | null = null;
  for (const child of bySpanId.values()) {
    if (child.parentSpanId === null) continue;
    const parent = bySpanId.get(child.parentSpanId);
    if (parent !== undefined && parent.traceId === child.traceId && sameModel(parent, child)) (dropped ??= new Set()).add(parent);
  }
  if (dropped === null) return results.slice();
  const drop = dropped;
  return results.map((result) =>
    result.kind === 'call' && drop.has(result.call) ? { kind: 'skip', reason: DUPLICATE_PARENT_REASON } : result,
  );
}

function sameModel(a: CanonicalCall, b: CanonicalCall): boolean {
  for (const x of [a.requestModel, a.responseModel]) {
    if (x === null) continue;
    for (const y of [b.requestModel, b.responseModel]) {
      if (y === null) continue;
      const p = x.toLowerCase();
      const q = y.toLowerCase();
      if (p === q || p.startsWith(`${q}-`) || q.startsWith(`${p}-`)) return true;
    }
  }
  return false;
}
