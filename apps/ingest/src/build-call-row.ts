import { isTemplateVote, priceCall, promptTemplateFingerprint, resolveQueryType, type PriceOverride, type ResolvedQueryType } from '@tierlens/analyzer';
import type { CanonicalCall } from './mapping/canonical-call.ts';
import type { CallRow } from '@tierlens/db';

export interface BuildOptions {
  projectId: string;
  overrides: PriceOverride[];
  storeContent: boolean;
}

/**
 * Turns a mapped call into its stored row: the model it is reported under, its price (or
 * "unpriced", never a silent $0) and its query type with the source that decided it.
 */
export function buildCallRow(call: CanonicalCall, options: BuildOptions): CallRow {
  const model = call.responseModel ?? call.requestModel ?? 'unknown';
  const price =
    call.usageSource === 'reported'
      ? priceCall(
          {
            provider: call.provider,
            model,
            inputTokens: call.inputTokens,
            outputTokens: call.outputTokens,
            cacheReadTokens: call.cacheReadTokens,
            cacheWriteTokens: call.cacheWriteTokens,
            reasoningTokens: call.reasoningTokens,
            at: call.startTime,
          },
          { overrides: options.overrides, projectId: options.projectId },
        )
      : null; // estimated or missing usage is never priced as if it were billed
  const queryType = classify(call);
  // A type the app classified itself (prompt content never left the app) beats the ingest's
  // own classifier, which would see no prompt anyway.
  const fromSdk = call.queryTypeHint?.source === 'sdk-classifier' && queryType.source !== 'hint' && queryType.source !== 'tools';
  return {
    projectId: options.projectId,
    traceId: call.traceId,
    spanId: call.spanId,
    startTime: call.startTime,
    parentSpanId: call.parentSpanId,
    durationMs: call.durationMs,
    timeToFirstTokenMs: call.timeToFirstTokenMs,
    provider: call.provider,
    requestModel: call.requestModel,
    responseModel: call.responseModel,
    model,
    operation: call.operation,
    status: call.status,
    errorType: call.errorType,
    inputTokens: call.inputTokens,
    outputTokens: call.outputTokens,
    cacheReadTokens: call.cacheReadTokens,
    cacheWriteTokens: call.cacheWriteTokens,
    reasoningTokens: call.reasoningTokens,
    usageSource: call.usageSource,
    costUsd: price?.status === 'priced' ? price.costUsd : null,
    reportedCostUsd: call.reportedCostUsd,
    priceVersion: price?.status === 'priced' ? price.priceVersion : null,
    ...withAutoQueryType(
      fromSdk ? { queryType: call.queryTypeHint!.queryType, source: 'sdk-classifier', confidence: call.queryTypeHint!.confidence } : queryType,
    ),
    // Only a hash: computed whether or not the project stores content.
    templateFingerprint: safeFingerprint(call.promptText),
    finishReasons: call.finishReasons,
    feature: call.feature,
    environment: call.environment,
    endUserId: call.endUserId,
    serviceName: call.serviceName,
    convention: call.convention,
    attributes: call.attributes,
    promptContent: options.storeContent ? call.promptText : null,
    completionContent: options.storeContent ? call.completionText : null,
    routingRuleId: call.routing?.ruleId ?? null,
    routingMode: call.routing?.mode ?? null,
    routingOriginalModel: call.routing?.originalModel ?? null,
    routingControl: call.routing?.control ?? null,
  };
}

/**
 * The call's query type by the evidence order. The classifier is pure and should not fail, but a
 * fault there must cost one call its query type, never the whole batch its storage.
 */
function classify(call: CanonicalCall): ResolvedQueryType {
  try {
    const hint = call.queryTypeHint?.source === 'hint' ? call.queryTypeHint.queryType : undefined;
    // An embedding's input is a document to index, not a request: only the app can say what it serves.
    if (call.operation === 'embeddings') return resolveQueryType({ hint });
    return resolveQueryType({ hint, hasTools: call.hasTools, prompt: call.promptText ?? undefined });
  } catch {
    return { queryType: 'unknown', source: 'none', confidence: 0 };
  }
}

/**
 * The call's own query type as both its effective and its automatic type (the template majority
 * and corrections are applied per batch by `resolveBatchQueryTypes`), and its template vote.
 */
function withAutoQueryType(own: { queryType: string; source: string; confidence: number }) {
  return {
    queryType: own.queryType,
    queryTypeSource: own.source,
    queryTypeConfidence: own.confidence,
    autoQueryType: own.queryType,
    autoQueryTypeSource: own.source,
    autoQueryTypeConfidence: own.confidence,
    templateVote: isTemplateVote(own) ? own.queryType : null,
  };
}

function safeFingerprint(prompt: string | null): string | null {
  try {
    return promptTemplateFingerprint(prompt);
  } catch {
    return null;
  }
}
