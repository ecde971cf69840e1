/**
 * The one shape every instrumentation's span is mapped to before pricing and storage.
 * Token counts follow the OpenTelemetry GenAI convention: `inputTokens` INCLUDES cache reads
 * and cache writes, `outputTokens` INCLUDES reasoning tokens. Mappers convert sources that
 * report them the other way, so nothing downstream needs to know where a call came from.
 */
export type Convention =
  | 'tierlens'
  | 'otel-genai'
  | 'openllmetry'
  | 'openinference'
  | 'vercel-ai'
  | 'langfuse';

/** Whether the token counts were billed by the provider, estimated by a tokenizer, or absent. */
export type UsageSource = 'reported' | 'estimated' | 'missing';

export interface CanonicalCall {
  convention: Convention;
  /** 32 lowercase hex characters. */
  traceId: string;
  /** 16 lowercase hex characters. */
  spanId: string;
  parentSpanId: string | null;
  spanName: string;
  startTime: Date;
  durationMs: number;
  timeToFirstTokenMs: number | null;
  /** Normalised provider, e.g. `openai`, `anthropic`, `aws.bedrock`, `gcp.vertex_ai`. */
  provider: string | null;
  requestModel: string | null;
  responseModel: string | null;
  /** GenAI operation name: chat, text_completion, generate_content, embeddings, ... */
  operation: string;
  status: 'ok' | 'error';
  errorType: string | null;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  usageSource: UsageSource;
  /** A cost the provider or SDK reported itself (e.g. OpenRouter, Langfuse cost_details), in USD as a decimal string. */
  reportedCostUsd: string | null;
  finishReasons: string[];
  /** Query type set by the app (SDK hint) or classified inside the app, with its source. */
  queryTypeHint: { queryType: string; source: 'hint' | 'sdk-classifier'; confidence: number } | null;
  /** Tool definitions were sent with the request (evidence for the `agentic` query type). */
  hasTools: boolean;
  feature: string | null;
  environment: string | null;
  endUserId: string | null;
  tags: Record<string, string>;
  /** Text of the system prompt and last user message when the span carried content. */
  promptText: string | null;
  completionText: string | null;
  serviceName: string | null;
  /** What the Tierlens SDK's routing did with the call; null when no rule matched it. */
  routing: {
    ruleId: string;
    mode: 'shadow' | 'canary' | 'enforce';
    /** The model the app asked for, when the rule rewrote it (the call was routed). */
    originalModel: string | null;
    /** Canary calls only: true for the control group. */
    control: boolean | null;
  } | null;
  /** Every span and resource attribute, flattened, for what the mapping did not understand. */
  attributes: Record<string, unknown>;
}

/** What a mapper makes of one span. */
export type MapResult =
  | { kind: 'call'; call: CanonicalCall }
  /** Not an LLM call, or an aggregate span (agent/workflow/SDK root) that repeats its children. */
  | { kind: 'skip'; reason: string }
  /** An LLM span that cannot be used: the reason is returned to the exporter in partial_success. */
  | { kind: 'reject'; reason: string };
