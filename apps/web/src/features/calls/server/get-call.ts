import { formatUsd as usd, priceCall } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';

/** One call with everything stored about it, and its cost broken down by token kind. */
export async function getCall(db: Db, projectId: string, key: { traceId: string; spanId: string; startTime: Date }) {
  const call = await db.llmCall.findUnique({
    where: { projectId_traceId_spanId_startTime: { projectId, traceId: key.traceId, spanId: key.spanId, startTime: key.startTime } },
  });
  if (!call) throw new DomainError('not_found', 'No such call in this project.');
  const price = priceCall({
    provider: call.provider,
    model: call.model,
    inputTokens: call.inputTokens,
    outputTokens: call.outputTokens,
    cacheReadTokens: call.cacheReadTokens,
    cacheWriteTokens: call.cacheWriteTokens,
    reasoningTokens: call.reasoningTokens,
    at: call.startTime,
  });
  return {
    ...call,
    inputTokens: Number(call.inputTokens),
    outputTokens: Number(call.outputTokens),
    cacheReadTokens: Number(call.cacheReadTokens),
    cacheWriteTokens: Number(call.cacheWriteTokens),
    reasoningTokens: Number(call.reasoningTokens),
    costUsd: call.costUsd?.toString() ?? null,
    reportedCostUsd: call.reportedCostUsd?.toString() ?? null,
    attributes: call.attributes as Record<string, unknown>,
    breakdown:
      price.status === 'priced' && call.costUsd !== null
        ? {
            input: usd(price.breakdown.input),
            cacheRead: usd(price.breakdown.cacheRead),
            cacheWrite: usd(price.breakdown.cacheWrite),
            output: usd(price.breakdown.output),
            reasoning: usd(price.breakdown.reasoning),
            note: price.priceVersion === call.priceVersion ? null : `Priced at ingest with ${call.priceVersion}; breakdown shown with ${price.priceVersion}.`,
          }
        : null,
  };
}
