import type { AttrValue, Attributes, DecodedSpan } from '../otlp/decoded-span.ts';
import type { MapResult } from './canonical-call.ts';
import { detectTools, OPENINFERENCE_TOOL_PREFIXES } from './detect-tools.ts';
import { finishCall } from './finish-call.ts';
import { formatCostUsd } from './format-cost.ts';
import { addMessages, completionText, composePromptText, newPromptParts, parseByMimeType, parseContent } from './message-text.ts';
import { normalizeProvider } from '@tierlens/analyzer';
import { readIndexed, readNumber, readString, readStringList, TokenCountReader } from './read-attributes.ts';
import { resolveTokenUsage } from './resolve-token-usage.ts';

/** OpenInference span kinds that wrap LLM calls and may repeat their usage. */
const AGGREGATE_KINDS = new Set(['AGENT', 'CHAIN']);

/**
 * Maps an OpenInference (Arize `@arizeai/openinference-*`) span: `openinference.span.kind` LLM
 * (a chat or completion call) or EMBEDDING; other kinds are skipped.
 *
 * Cache rule: `llm.token_count.prompt` includes cache reads/writes
 * (`llm.token_count.prompt_details.cache_read`/`cache_write`), except for Anthropic
 * (`llm.system` anthropic), whose instrumentation reports the prompt count without them: there
 * they are added. Streamed calls often carry no counts: usage 'missing'. Reported cost:
 * `llm.cost.total` (else prompt + completion cost).
 */
export function mapOpenInferenceSpan(span: DecodedSpan): MapResult {
  const attrs = span.attributes;
  const kind = (readString(attrs, 'openinference.span.kind') ?? '').toUpperCase();
  let operation: string;
  if (kind === 'LLM') operation = 'chat';
  else if (kind === 'EMBEDDING') operation = 'embeddings';
  else if (AGGREGATE_KINDS.has(kind)) return { kind: 'skip', reason: `aggregate span (openinference ${kind}) repeats its children's usage` };
  else return { kind: 'skip', reason: `not an LLM call (openinference ${kind || 'no kind'})` };

  const system = readString(attrs, 'llm.system')?.toLowerCase() ?? null;
  const host = readString(attrs, 'llm.provider')?.toLowerCase() ?? null;
  const tokens = new TokenCountReader(attrs);
  const usage = resolveTokenUsage({
    input: tokens.read('llm.token_count.prompt'),
    output: tokens.read('llm.token_count.completion'),
    cacheRead: tokens.read('llm.token_count.prompt_details.cache_read'),
    cacheWrite: tokens.read('llm.token_count.prompt_details.cache_write'),
    reasoning: tokens.read('llm.token_count.completion_details.reasoning'),
    inputIncludesCache: system !== 'anthropic',
    outputIncludesReasoning: true,
  });
  const invocation = parseContent(attrs['llm.invocation_parameters']);
  const invocationModel = isRecord(invocation) && typeof invocation['model'] === 'string' ? invocation['model'] : null;
  const inputValue = parseByMimeType(attrs['input.value'], attrs['input.mime_type']);

  const parts = newPromptParts();
  const inputMessages = readMessages(attrs, 'llm.input_messages.');
  addMessages(parts, inputMessages.length > 0 ? inputMessages : inputValue);
  const outputMessages = readMessages(attrs, 'llm.output_messages.');

  return finishCall(span, 'openinference', {
    operation,
    provider: openInferenceProvider(system, host),
    requestModel: readString(attrs, 'llm.request.model_name') ?? invocationModel ?? readString(attrs, 'embedding.model_name'),
    responseModel: readString(attrs, 'llm.response.model_name', 'llm.model_name'),
    usage,
    tokenProblems: tokens.problems,
    reportedCostUsd: readCost(attrs),
    finishReasons: readStringList(attrs, 'llm.finish_reason'),
    timeToFirstTokenMs: null,
    promptText: composePromptText(parts),
    completionText: completionText(
      outputMessages.length > 0 ? outputMessages : parseByMimeType(attrs['output.value'], attrs['output.mime_type']),
    ),
    hasTools: detectTools(attrs, OPENINFERENCE_TOOL_PREFIXES, inputValue, invocation),
  });
}

/**
 * `llm.system` names the model vendor and `llm.provider` the host; the host decides the price
 * list when it is a cloud (Azure OpenAI, Bedrock, Vertex), else the vendor does.
 */
function openInferenceProvider(system: string | null, host: string | null): string | null {
  if (host === 'azure') return 'azure.ai.openai';
  if (host === 'aws') return 'aws.bedrock';
  if (host === 'google') return system === 'vertexai' || system === 'anthropic' ? 'gcp.vertex_ai' : 'gcp.gemini';
  return normalizeProvider(host ?? system);
}

function readCost(attrs: Attributes): string | null {
  const total = formatCostUsd(attrs['llm.cost.total']);
  if (total !== null) return total;
  const prompt = readNumber(attrs, 'llm.cost.prompt');
  const completion = readNumber(attrs, 'llm.cost.completion');
  return prompt !== null && completion !== null ? formatCostUsd(prompt + completion) : null;
}

/** `llm.input_messages.{i}.message.role` / `.content` / `.contents.{j}.message_content.text` as messages. */
function readMessages(attrs: Attributes, prefix: string): { role: AttrValue; content: unknown }[] {
  return readIndexed(attrs, prefix).map((entry) => ({
    role: entry['message.role'] ?? '',
    content: entry['message.content'] ?? contentsText(entry),
  }));
}

function contentsText(entry: Record<string, AttrValue>): string {
  const texts: [number, string][] = [];
  for (const key in entry) {
    const match = /^message\.contents\.(\d+)\.message_content\.text$/.exec(key);
    const value = entry[key];
    if (match !== null && typeof value === 'string') texts.push([Number(match[1]), value]);
  }
  return texts
    .sort((a, b) => a[0] - b[0])
    .map(([, text]) => text)
    .join('\n');
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
