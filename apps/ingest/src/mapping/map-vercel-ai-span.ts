import type { DecodedSpan } from '../otlp/decoded-span.ts';
import type { MapResult } from './canonical-call.ts';
import { detectTools } from './detect-tools.ts';
import { finishCall } from './finish-call.ts';
import { formatCostUsd } from './format-cost.ts';
import { mapOtelGenAiSpan } from './map-otel-genai-span.ts';
import { addMessages, completionText, composePromptText, newPromptParts, parseContent } from './message-text.ts';
import { normalizeProvider } from '@tierlens/analyzer';
import { hasKeyWithPrefix, readNumber, readString, readStringList, TokenCountReader } from './read-attributes.ts';
import { readSemconvCost } from './read-semconv-fields.ts';
import { readVercelProviderMetadata } from './read-vercel-provider-metadata.ts';
import { resolveTokenUsage } from './resolve-token-usage.ts';

/** Operation ids of the AI SDK's root spans: they aggregate their per-call children. */
const ROOT_OPERATIONS = new Set([
  'ai.generateText',
  'ai.streamText',
  'ai.generateObject',
  'ai.streamObject',
  'ai.embed',
  'ai.embedMany',
]);

/** Operation ids of per-call spans, with their GenAI operation. */
const CALL_OPERATIONS: Record<string, string> = {
  'ai.generateText.doGenerate': 'chat',
  'ai.streamText.doStream': 'chat',
  'ai.generateObject.doGenerate': 'chat',
  'ai.streamObject.doStream': 'chat',
  'ai.embed.doEmbed': 'embeddings',
  'ai.embedMany.doEmbed': 'embeddings',
};

/**
 * Maps a Vercel AI SDK span. v4–v6 (`experimental_telemetry`, scope `ai`): only the per-call
 * `...doGenerate`/`...doStream`/`...doEmbed` spans are calls; the `ai.generateText`-style roots
 * repeat their usage and are skipped. v7 (`@ai-sdk/otel`) spans follow the GenAI conventions and
 * go through {@link mapOtelGenAiSpan} (`invoke_agent` roots and `step` spans are skipped there).
 *
 * Cache rule (v4–v6): v6 spans (with `ai.usage.inputTokenDetails.*`) count input INCLUDING the
 * cache; when `noCacheTokens` is present, input = noCache + cacheRead + cacheWrite. v4/v5 spans
 * of Anthropic models count input WITHOUT the cache (observed 1000 of 1200): cache read
 * (`ai.usage.cachedInputTokens` or provider metadata) and cache creation (provider metadata) are
 * added. Other v4/v5 providers (OpenAI) include it.
 */
export function mapVercelAiSpan(span: DecodedSpan): MapResult {
  const attrs = span.attributes;
  const operationId = readString(attrs, 'ai.operationId') ?? (span.name.startsWith('ai.') ? span.name : null);
  if (operationId === null) return mapOtelGenAiSpan(span, 'vercel-ai');
  if (ROOT_OPERATIONS.has(operationId)) return { kind: 'skip', reason: `aggregate span (${operationId}) repeats its children's usage` };
  const operation = CALL_OPERATIONS[operationId];
  if (operation === undefined) return { kind: 'skip', reason: `not an LLM call (${operationId})` };

  const providerId = readString(attrs, 'ai.model.provider', 'gen_ai.system');
  const metadata = readVercelProviderMetadata(attrs['ai.response.providerMetadata']);
  const isV6 = hasKeyWithPrefix(attrs, 'ai.usage.inputTokenDetails.') || hasKeyWithPrefix(attrs, 'ai.usage.outputTokenDetails.');
  const anthropicApi = providerId !== null && providerId.toLowerCase().includes('anthropic');

  const tokens = new TokenCountReader(attrs);
  const fromMetadata = (n: number | null | undefined, what: string): number | undefined =>
    n == null ? undefined : tokens.check(n, `ai.response.providerMetadata ${what}`);
  const cacheRead =
    tokens.read('ai.usage.inputTokenDetails.cacheReadTokens', 'ai.usage.cachedInputTokens') ??
    fromMetadata(metadata.anthropic?.cacheReadInputTokens, 'cacheReadInputTokens') ??
    fromMetadata(metadata.anthropic?.usage?.cache_read_input_tokens, 'anthropic.usage.cache_read_input_tokens') ??
    fromMetadata(metadata.openai?.cachedPromptTokens, 'cachedPromptTokens');
  const cacheWrite =
    tokens.read('ai.usage.inputTokenDetails.cacheWriteTokens') ??
    fromMetadata(metadata.anthropic?.cacheCreationInputTokens, 'cacheCreationInputTokens') ??
    fromMetadata(metadata.anthropic?.usage?.cache_creation_input_tokens, 'anthropic.usage.cache_creation_input_tokens');
  const noCache = tokens.read('ai.usage.inputTokenDetails.noCacheTokens');
  const reportedInput = tokens.read('ai.usage.inputTokens', 'ai.usage.promptTokens', 'ai.usage.tokens', 'gen_ai.usage.input_tokens');
  const input = isV6 && noCache !== undefined ? noCache + (cacheRead ?? 0) + (cacheWrite ?? 0) : reportedInput;
  const usage = resolveTokenUsage({
    input,
    output: tokens.read('ai.usage.outputTokens', 'ai.usage.completionTokens', 'gen_ai.usage.output_tokens'),
    cacheRead,
    cacheWrite,
    reasoning:
      tokens.read('ai.usage.outputTokenDetails.reasoningTokens', 'ai.usage.reasoningTokens') ??
      fromMetadata(metadata.openai?.reasoningTokens, 'reasoningTokens'),
    inputIncludesCache: isV6 || !anthropicApi,
    outputIncludesReasoning: true,
  });

  const promptPayload = parseContent(attrs['ai.prompt.messages'] ?? attrs['ai.prompt']);
  const parts = newPromptParts();
  addMessages(parts, promptPayload);
  const finishReason = readString(attrs, 'ai.response.finishReason', 'ai.finishReason');
  return finishCall(span, 'vercel-ai', {
    operation,
    provider: normalizeProvider(providerId),
    requestModel: readString(attrs, 'ai.model.id', 'gen_ai.request.model'),
    responseModel: readString(attrs, 'ai.response.model', 'gen_ai.response.model'),
    usage,
    tokenProblems: tokens.problems,
    reportedCostUsd: readSemconvCost(attrs) ?? formatCostUsd(metadata.openrouter?.usage?.cost),
    finishReasons: finishReason !== null ? [finishReason] : readStringList(attrs, 'gen_ai.response.finish_reasons'),
    timeToFirstTokenMs: readNumber(attrs, 'ai.response.msToFirstChunk'),
    promptText: composePromptText(parts),
    // Plain text (or the object's JSON text): never parsed, a JSON answer is still the answer.
    completionText: completionText(attrs['ai.response.text'] ?? attrs['ai.response.object']),
    hasTools: detectTools(attrs, []),
    endUserIdFallback: readString(attrs, 'ai.telemetry.metadata.userId', 'ai.telemetry.metadata.user_id'),
  });
}
