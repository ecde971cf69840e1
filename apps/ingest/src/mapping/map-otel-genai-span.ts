import type { DecodedSpan } from '../otlp/decoded-span.ts';
import type { Convention, MapResult } from './canonical-call.ts';
import { classifyOperation } from './classify-operation.ts';
import { finishCall } from './finish-call.ts';
import { normalizeProvider } from '@tierlens/analyzer';
import { readString, readStringList, TokenCountReader } from './read-attributes.ts';
import {
  readSemconvContent,
  readSemconvCost,
  readSemconvFinishReasons,
  readSemconvTimeToFirstToken,
  readSemconvUsage,
} from './read-semconv-fields.ts';
import { resolveTokenUsage } from './resolve-token-usage.ts';

/**
 * Maps a span that follows the OTel GenAI semantic conventions (current and deprecated names):
 * `@opentelemetry/instrumentation-openai`, the Anthropic SDK's own `anthropic.messages.create`
 * spans, the Tierlens SDK and, with `convention` 'vercel-ai', the AI SDK v7 `@ai-sdk/otel` spans.
 *
 * Cache rule: `gen_ai.usage.input_tokens` INCLUDES cache reads and writes (the convention says
 * so, and the Anthropic SDK sums them in); output includes reasoning. Aggregate spans
 * (`invoke_agent`, `invoke_workflow`, `create_agent`, agent steps) are skipped.
 */
export function mapOtelGenAiSpan(span: DecodedSpan, convention: Convention = 'otel-genai'): MapResult {
  const attrs = span.attributes;
  const tokens = new TokenCountReader(attrs);
  const usage = resolveTokenUsage(readSemconvUsage(tokens));
  const decision = classifyOperation(attrs, usage.hasUsage);
  if ('skip' in decision) return { kind: 'skip', reason: decision.skip };
  const content = readSemconvContent(span);
  const finishReasons = readSemconvFinishReasons(attrs);
  if (finishReasons.length === 0) finishReasons.push(...readStringList(attrs, 'anthropic.message.stop_reason'));
  return finishCall(span, convention, {
    operation: decision.operation,
    provider: normalizeProvider(readString(attrs, 'gen_ai.provider.name', 'gen_ai.system')),
    requestModel: readString(attrs, 'gen_ai.request.model'),
    responseModel: readString(attrs, 'gen_ai.response.model'),
    usage,
    tokenProblems: tokens.problems,
    reportedCostUsd: readSemconvCost(attrs),
    finishReasons,
    timeToFirstTokenMs: readSemconvTimeToFirstToken(attrs),
    ...content,
  });
}
