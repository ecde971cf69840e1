import { StatusCode, type DecodedSpan } from '../otlp/decoded-span.ts';
import type { CanonicalCall, Convention, MapResult, UsageSource } from './canonical-call.ts';
import { readAppContext } from './read-app-context.ts';
import { readString } from './read-attributes.ts';
import { readRouting } from './read-routing.ts';
import type { TokenUsage } from './resolve-token-usage.ts';
import { toCallAttributes } from './to-call-attributes.ts';

/** What a convention's mapper read from an LLM span; {@link finishCall} adds the rest. */
export interface CallFields {
  operation: string;
  /** Already normalised with `normalizeProvider`. */
  provider: string | null;
  requestModel: string | null;
  responseModel: string | null;
  usage: TokenUsage;
  /** Problems met reading token counts (negative counts): the span is rejected when any. */
  tokenProblems: readonly string[];
  /** True when the counts are tokenizer estimates rather than the provider's billed usage. */
  usageEstimated?: boolean;
  reportedCostUsd: string | null;
  finishReasons: string[];
  timeToFirstTokenMs: number | null;
  promptText: string | null;
  completionText: string | null;
  hasTools: boolean;
  /** A convention-specific failure flag (e.g. Langfuse level ERROR), on top of the span status. */
  failed?: boolean;
  /** A convention-specific error type, preferred to `error.type`. */
  errorType?: string | null;
  /** Convention-specific values used when the standard attributes are absent. */
  environmentFallback?: string | null;
  endUserIdFallback?: string | null;
}

const MODEL_KEYS_HINT = 'gen_ai.request.model, gen_ai.response.model, llm.model_name, ai.model.id or langfuse.observation.model.name';

/**
 * Validates an LLM span and builds its {@link CanonicalCall}: rejects bad ids, a missing model,
 * negative token counts and a missing start time; fills ids, times, status, app context (Tierlens
 * attributes) and the JSON-safe attribute copy. Reject reasons are stable strings (they are
 * grouped and returned to the exporter in `partial_success.error_message`).
 */
export function finishCall(span: DecodedSpan, convention: Convention, fields: CallFields): MapResult {
  if (span.invalidReason !== null) return { kind: 'reject', reason: `invalid span: ${span.invalidReason}` };
  if (fields.requestModel === null && fields.responseModel === null) {
    return { kind: 'reject', reason: `LLM span without a model (no ${MODEL_KEYS_HINT})` };
  }
  if (fields.tokenProblems.length > 0) return { kind: 'reject', reason: fields.tokenProblems[0]! };
  if (span.startTimeUnixNano === 0n) return { kind: 'reject', reason: 'LLM span without a start time' };

  const errorTypeAttr = fields.errorType ?? readString(span.attributes, 'error.type') ?? exceptionType(span);
  const failed = span.statusCode === StatusCode.ERROR || fields.failed === true || errorTypeAttr !== null;
  const durationNanos = span.endTimeUnixNano > span.startTimeUnixNano ? span.endTimeUnixNano - span.startTimeUnixNano : 0n;
  const usageSource: UsageSource = !fields.usage.hasUsage ? 'missing' : fields.usageEstimated ? 'estimated' : 'reported';
  const app = readAppContext(span, { environment: fields.environmentFallback, endUserId: fields.endUserIdFallback });

  const call: CanonicalCall = {
    convention,
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    spanName: span.name,
    startTime: new Date(Number(span.startTimeUnixNano / 1_000_000n)),
    durationMs: Number(durationNanos) / 1e6,
    timeToFirstTokenMs: fields.timeToFirstTokenMs === null ? null : Math.max(0, Math.round(fields.timeToFirstTokenMs * 1000) / 1000),
    provider: fields.provider,
    requestModel: fields.requestModel,
    responseModel: fields.responseModel,
    operation: fields.operation,
    status: failed ? 'error' : 'ok',
    errorType: failed ? (errorTypeAttr ?? '_OTHER') : null,
    inputTokens: fields.usage.inputTokens,
    outputTokens: fields.usage.outputTokens,
    cacheReadTokens: fields.usage.cacheReadTokens,
    cacheWriteTokens: fields.usage.cacheWriteTokens,
    reasoningTokens: fields.usage.reasoningTokens,
    usageSource,
    reportedCostUsd: fields.reportedCostUsd,
    finishReasons: fields.finishReasons,
    queryTypeHint: app.queryTypeHint,
    hasTools: fields.hasTools,
    feature: app.feature,
    environment: app.environment,
    endUserId: app.endUserId,
    tags: app.tags,
    promptText: fields.promptText,
    completionText: fields.completionText,
    serviceName: readString(span.resource, 'service.name'),
    routing: readRouting(span),
    attributes: toCallAttributes(span),
  };
  return { kind: 'call', call };
}

function exceptionType(span: DecodedSpan): string | null {
  for (const event of span.events) {
    if (event.name === 'exception') return readString(event.attributes, 'exception.type');
  }
  return null;
}
