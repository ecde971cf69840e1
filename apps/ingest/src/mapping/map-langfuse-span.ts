import type { AttrValue, DecodedSpan } from '../otlp/decoded-span.ts';
import type { MapResult } from './canonical-call.ts';
import { detectTools } from './detect-tools.ts';
import { finishCall } from './finish-call.ts';
import { formatCostUsd } from './format-cost.ts';
import { addMessages, completionText, composePromptText, newPromptParts, parseContent } from './message-text.ts';
import { normalizeProvider } from '@tierlens/analyzer';
import { readString, readStringList, TokenCountReader } from './read-attributes.ts';
import { readSemconvCost, readSemconvUsage } from './read-semconv-fields.ts';
import { resolveTokenUsage, type ReportedUsage } from './resolve-token-usage.ts';

/** Langfuse observation types that are one model call, with their GenAI operation. */
const CALL_TYPES: Record<string, string> = { generation: 'chat', embedding: 'embeddings' };
const AGGREGATE_TYPES = new Set(['agent', 'chain', 'span']);

// Langfuse usage_details keys beside `input`/`output` (its OpenAI, Anthropic and manual spellings).
const CACHE_READ_KEYS = ['input_cached_tokens', 'input_cache_read', 'cache_read_input_tokens', 'input_cache_read_tokens', 'cache_read'];
const CACHE_WRITE_KEYS = [
  'input_cache_creation',
  'cache_creation_input_tokens',
  'input_cache_write',
  'input_cache_creation_tokens',
  'cache_write',
  'cache_creation',
];
const REASONING_KEYS = ['output_reasoning_tokens', 'output_reasoning', 'reasoning_tokens', 'reasoning'];


/**
 * Maps a Langfuse SDK v4/v5 (`@langfuse/otel`) observation span: `langfuse.observation.type`
 * generation (or embedding) is a call; agent/chain/span observations are skipped.
 *
 * Cache rule: in `langfuse.observation.usage_details`, `input` EXCLUDES cache reads and writes
 * and `output` EXCLUDES reasoning (observed `{"input":1000,"output":200,"input_cached_tokens":200,
 * "output_reasoning_tokens":100}` for 1200/300): cache read, cache write (which Langfuse's own
 * mapper misses) and reasoning are added back. Details without `input`/`output` (raw
 * `prompt_tokens`/`input_tokens` spellings) are provider counts: OpenAI-style includes the cache,
 * Anthropic-style (`claude` models) excludes it. Without usage_details, `gen_ai.usage.*` is read.
 * Reported cost: `cost_details.total`, else the sum of its entries.
 */
export function mapLangfuseSpan(span: DecodedSpan): MapResult {
  const attrs = span.attributes;
  const type = (readString(attrs, 'langfuse.observation.type') ?? '').toLowerCase();
  const operation = CALL_TYPES[type];
  if (operation === undefined) {
    return AGGREGATE_TYPES.has(type)
      ? { kind: 'skip', reason: `aggregate span (langfuse ${type}) repeats its children's usage` }
      : { kind: 'skip', reason: `not an LLM call (langfuse ${type || 'no type'})` };
  }
  const requestModel = readString(attrs, 'langfuse.observation.model.name', 'gen_ai.request.model');
  const tokens = new TokenCountReader(attrs);
  const details = readDetails(attrs['langfuse.observation.usage_details']);
  const reported = details === null ? readSemconvUsage(tokens) : readUsageDetails(details, tokens, requestModel);
  const input = parseContent(attrs['langfuse.observation.input']);
  const parts = newPromptParts();
  addMessages(parts, input);
  const level = readString(attrs, 'langfuse.observation.level');
  return finishCall(span, 'langfuse', {
    operation,
    provider: normalizeProvider(readString(attrs, 'gen_ai.provider.name', 'gen_ai.system')),
    requestModel,
    responseModel: readString(attrs, 'gen_ai.response.model'),
    usage: resolveTokenUsage(reported),
    tokenProblems: tokens.problems,
    reportedCostUsd: readCost(attrs['langfuse.observation.cost_details']) ?? readSemconvCost(attrs),
    finishReasons: readStringList(attrs, 'langfuse.observation.metadata.finish_reason'),
    timeToFirstTokenMs: readTimeToFirstToken(span),
    promptText: composePromptText(parts),
    completionText: completionText(parseContent(attrs['langfuse.observation.output'])),
    hasTools: detectTools(attrs, [], input, parseContent(attrs['langfuse.observation.model.parameters'])),
    failed: level === 'ERROR',
    environmentFallback: readString(attrs, 'langfuse.environment') ?? readString(span.resource, 'langfuse.environment'),
    endUserIdFallback: readString(attrs, 'langfuse.user.id'),
  });
}

/** `usage_details` / `cost_details`: a JSON object of numbers (other values are ignored). */
function readDetails(value: AttrValue | undefined): Record<string, number> | null {
  if (value === undefined || value === null) return null;
  const parsed = parseContent(value);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
  const numbers: Record<string, number> = {};
  let any = false;
  for (const [key, v] of Object.entries(parsed)) {
    if (typeof v === 'number' && Number.isFinite(v)) {
      numbers[key] = v;
      any = true;
    }
  }
  return any ? numbers : null;
}

function readUsageDetails(details: Record<string, number>, tokens: TokenCountReader, model: string | null): ReportedUsage {
  const first = (keys: string[]): number | undefined => {
    for (const key of keys) {
      const v = details[key];
      if (v !== undefined) return tokens.check(v, `langfuse.observation.usage_details.${key}`);
    }
    return undefined;
  };
  const cacheRead = first(CACHE_READ_KEYS);
  const cacheWrite = first(CACHE_WRITE_KEYS);
  const reasoning = first(REASONING_KEYS);
  if ('input' in details || 'output' in details) {
    return { input: first(['input']), output: first(['output']), cacheRead, cacheWrite, reasoning, inputIncludesCache: false, outputIncludesReasoning: false };
  }
  const claude = model !== null && model.toLowerCase().includes('claude');
  return {
    input: first(['prompt_tokens', 'input_tokens', 'promptTokens', 'inputTokens']),
    output: first(['completion_tokens', 'output_tokens', 'completionTokens', 'outputTokens']),
    cacheRead,
    cacheWrite,
    reasoning,
    inputIncludesCache: !claude,
    outputIncludesReasoning: true,
  };
}

function readCost(value: AttrValue | undefined): string | null {
  const details = readDetails(value);
  if (details === null) return null;
  if (details['total'] !== undefined) return formatCostUsd(details['total']);
  let sum = 0;
  for (const v of Object.values(details)) sum += v;
  return formatCostUsd(sum);
}

/** `langfuse.observation.completion_start_time` is a JSON-quoted ISO time; TTFT is its distance from the start. */
function readTimeToFirstToken(span: DecodedSpan): number | null {
  const raw = parseContent(span.attributes['langfuse.observation.completion_start_time']);
  if (typeof raw !== 'string') return null;
  const at = Date.parse(raw);
  if (Number.isNaN(at)) return null;
  const startMs = Number(span.startTimeUnixNano / 1_000n) / 1000;
  const ttft = at - startMs;
  return ttft >= 0 ? ttft : null;
}
