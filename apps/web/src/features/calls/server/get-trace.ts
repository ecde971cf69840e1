import type { Db, Prisma } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';

const traceCallSelect = {
  traceId: true, spanId: true, parentSpanId: true, startTime: true, durationMs: true, model: true, provider: true, operation: true,
  status: true, queryType: true, feature: true, endUserId: true, inputTokens: true, outputTokens: true, reasoningTokens: true, costUsd: true,
} satisfies Prisma.LlmCallSelect;

/** Most calls a trace page lists; an agent run with more is summed in full and listed in part. */
const TRACE_CALL_LIMIT = 2_000;

/**
 * One trace (a request, an agent run) of a project: its LLM calls in start order with their depth
 * under one another, and what the whole trace cost. Every row is one LLM call (the ingest keeps
 * a framework's wrapper span out when its model call is also recorded), so the trace's cost is
 * the sum of its calls and a parent's usage is never counted on top of its children's.
 */
export async function getTrace(db: Db, projectId: string, traceId: string) {
  const [calls, totals] = await Promise.all([
    db.llmCall.findMany({ where: { projectId, traceId }, select: traceCallSelect, orderBy: [{ startTime: 'asc' }, { spanId: 'asc' }], take: TRACE_CALL_LIMIT }),
    db.llmCall.aggregate({
      where: { projectId, traceId },
      _count: { _all: true, costUsd: true },
      _sum: { costUsd: true, inputTokens: true, outputTokens: true, reasoningTokens: true },
      _min: { startTime: true },
    }),
  ]);
  if (totals._count._all === 0) throw new DomainError('not_found', 'No calls in this trace.');
  const bySpan = new Map(calls.map((c) => [c.spanId, c]));
  const depthOf = (c: (typeof calls)[number]): number => {
    let depth = 0;
    for (let p = c.parentSpanId ? bySpan.get(c.parentSpanId) : undefined; p && depth < 50; p = p.parentSpanId ? bySpan.get(p.parentSpanId) : undefined) depth++;
    return depth;
  };
  const end = Math.max(...calls.map((c) => c.startTime.getTime() + c.durationMs));
  return {
    traceId,
    calls: calls.map((c) => ({ ...c, depth: depthOf(c), inputTokens: Number(c.inputTokens), outputTokens: Number(c.outputTokens), reasoningTokens: Number(c.reasoningTokens), costUsd: c.costUsd?.toString() ?? null })),
    listed: calls.length,
    totals: {
      calls: totals._count._all,
      unpricedCalls: totals._count._all - totals._count.costUsd,
      costUsd: totals._sum.costUsd?.toString() ?? '0',
      inputTokens: Number(totals._sum.inputTokens ?? 0n),
      outputTokens: Number(totals._sum.outputTokens ?? 0n),
      reasoningTokens: Number(totals._sum.reasoningTokens ?? 0n),
      startTime: totals._min.startTime,
      wallMs: totals._min.startTime ? end - totals._min.startTime.getTime() : 0,
      models: [...new Set(calls.map((c) => c.model))],
      endUsers: [...new Set(calls.flatMap((c) => (c.endUserId ? [c.endUserId] : [])))],
    },
  };
}
