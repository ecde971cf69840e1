import type { DecodedSpan } from '../otlp/decoded-span.ts';
import type { MapResult } from './canonical-call.ts';
import { classifyOperation } from './classify-operation.ts';
import { detectTools, OPENLLMETRY_TOOL_PREFIXES } from './detect-tools.ts';
import { finishCall } from './finish-call.ts';
import { addMessages, completionText, composePromptText, newPromptParts, parsePartsOrText } from './message-text.ts';
import { normalizeProvider } from '@tierlens/analyzer';
import { readBoolean, readIndexed, readString, TokenCountReader } from './read-attributes.ts';
import {
  readSemconvContent,
  readSemconvCost,
  readSemconvFinishReasons,
  readSemconvTimeToFirstToken,
} from './read-semconv-fields.ts';
import { resolveTokenUsage } from './resolve-token-usage.ts';

/** Traceloop's own span kinds that wrap LLM calls (their usage is the children's). */
const TRACELOOP_WRAPPER_KINDS = new Set(['workflow', 'task', 'agent', 'tool']);

/**
 * Maps an OpenLLMetry (Traceloop) span, current (`gen_ai.provider.name`, `gen_ai.input.messages`)
 * or legacy (`openai.chat`/`anthropic.chat`, capitalised `gen_ai.system`, `llm.request.type`,
 * `gen_ai.prompt.{i}.*`, `gen_ai.usage.prompt_tokens`, `llm.usage.total_tokens`).
 *
 * Cache rule: input includes cache reads/writes, except legacy spans (no `gen_ai.provider.name`)
 * of the Anthropic instrumentation, whose `input_tokens` excluded them (Anthropic's API reports
 * them apart): there cache read + write are added. Streamed OpenAI chat spans carry tokenizer
 * estimates, not the provider's usage: their usage is marked 'estimated'.
 */
export function mapOpenLlmetrySpan(span: DecodedSpan): MapResult {
  const attrs = span.attributes;
  const wrapperKind = readString(attrs, 'traceloop.span.kind');
  if (wrapperKind !== null && TRACELOOP_WRAPPER_KINDS.has(wrapperKind)) {
    return { kind: 'skip', reason: `aggregate span (traceloop ${wrapperKind}) repeats its children's usage` };
  }
  const provider = normalizeProvider(readString(attrs, 'gen_ai.provider.name', 'gen_ai.system', 'llm.vendor'));
  const legacy = readString(attrs, 'gen_ai.provider.name') === null;
  const tokens = new TokenCountReader(attrs);
  const usage = resolveTokenUsage({
    input: tokens.read('gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens', 'llm.usage.prompt_tokens'),
    output: tokens.read('gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens', 'llm.usage.completion_tokens'),
    cacheRead: tokens.read('gen_ai.usage.cache_read.input_tokens', 'gen_ai.usage.cache_read_input_tokens'),
    cacheWrite: tokens.read(
      'gen_ai.usage.cache_creation.input_tokens',
      'gen_ai.usage.cache_write.input_tokens',
      'gen_ai.usage.cache_creation_input_tokens',
    ),
    reasoning: tokens.read('gen_ai.usage.reasoning.output_tokens', 'gen_ai.usage.reasoning_tokens', 'llm.usage.reasoning_tokens'),
    inputIncludesCache: !(legacy && provider === 'anthropic'),
    outputIncludesReasoning: true,
  });
  const decision = classifyOperation(attrs, usage.hasUsage, readString(attrs, 'llm.request.type'));
  if ('skip' in decision) return { kind: 'skip', reason: decision.skip };

  const streamed = readBoolean(attrs, 'llm.is_streaming', 'gen_ai.is_streaming', 'gen_ai.request.stream') === true;
  const content = readContent(span);
  const finishReasons = readSemconvFinishReasons(attrs);
  if (finishReasons.length === 0) {
    for (const completion of readIndexed(attrs, 'gen_ai.completion.')) {
      const reason = completion['finish_reason'];
      if (typeof reason === 'string' && reason !== '') finishReasons.push(reason);
    }
  }
  return finishCall(span, 'openllmetry', {
    operation: decision.operation,
    provider,
    requestModel: readString(attrs, 'gen_ai.request.model', 'llm.request.model'),
    responseModel: readString(attrs, 'gen_ai.response.model', 'llm.response.model'),
    usage,
    tokenProblems: tokens.problems,
    usageEstimated: streamed && provider === 'openai' && decision.operation === 'chat',
    reportedCostUsd: readSemconvCost(attrs),
    finishReasons,
    timeToFirstTokenMs: readSemconvTimeToFirstToken(attrs),
    ...content,
  });
}

function readContent(span: DecodedSpan): { promptText: string | null; completionText: string | null; hasTools: boolean } {
  const attrs = span.attributes;
  const prompts = readIndexed(attrs, 'gen_ai.prompt.');
  if (prompts.length === 0) {
    const content = readSemconvContent(span);
    return { ...content, hasTools: content.hasTools || detectTools(attrs, OPENLLMETRY_TOOL_PREFIXES) };
  }
  const parts = newPromptParts();
  addMessages(
    parts,
    prompts.map((p) => ({ role: p['role'], content: parsePartsOrText(p['content']) })),
  );
  const completions = readIndexed(attrs, 'gen_ai.completion.').map((c) => ({
    role: c['role'] ?? 'assistant',
    content: parsePartsOrText(c['content']),
  }));
  return {
    promptText: composePromptText(parts),
    completionText: completionText(completions),
    hasTools: detectTools(attrs, OPENLLMETRY_TOOL_PREFIXES),
  };
}
