import type { Attributes } from '@opentelemetry/api';

/** A message in the GenAI semantic conventions' JSON format (`gen_ai.input.messages` etc.). */
export interface GenAiMessage {
  role: string;
  parts: GenAiPart[];
  finish_reason?: string;
}

export type GenAiPart =
  | { type: 'text'; content: string }
  | { type: 'tool_call'; id?: string; name: string; arguments?: unknown }
  | { type: 'tool_call_response'; id?: string; response: unknown }
  | { type: 'reasoning'; content: string };

/** Usage as the conventions count it: input includes cache reads and writes, output includes reasoning. */
export interface Usage {
  input?: number;
  output?: number;
  cacheRead?: number;
  cacheWrite?: number;
  reasoning?: number;
}

/** What a mapper pulls out of a finished response (whole, or accumulated from a stream). */
export interface ResponseSummary {
  id?: string;
  model?: string;
  finishReasons?: string[];
  usage?: Usage;
  /** Output in GenAI message format; only computed when content capture is on. */
  output?: GenAiMessage[];
}

/** Accumulates a stream's chunks into a {@link ResponseSummary}. */
export interface StreamAccumulator<Chunk> {
  /** Sees one chunk; returns false to hide it from the app (the injected usage-only chunk). */
  add(chunk: Chunk): boolean;
  /** True once a chunk carrying output (not just metadata) has been seen. */
  readonly sawOutput: boolean;
  /** The summary so far; `output` only when the accumulator was created with `capture`. */
  summary(): ResponseSummary;
  /** A provider error delivered inside the stream (e.g. an `error` event), if any. */
  readonly streamError?: unknown;
}

/** Maps one provider API (chat completions, responses, messages, embeddings) to span attributes. */
export interface CallMapper<Params, Result, Chunk> {
  provider: 'openai' | 'anthropic';
  operation: 'chat' | 'embeddings';
  /** The API accepts `stream_options: { include_usage: true }` (OpenAI chat completions). */
  streamUsageOption: boolean;
  /** Request attributes (model, sampling parameters, stream, tools) — on the hot path, keep cheap. */
  requestAttributes(params: Params): Attributes;
  model(params: Params): string;
  isStream(params: Params): boolean;
  hasTools(params: Params): boolean;
  summarize(result: Result, captureContent: boolean): ResponseSummary;
  /** `capture` keeps the output text (content capture); `hideUsageChunk` hides the usage-only chunk the SDK asked for. */
  accumulator(options: { capture: boolean; hideUsageChunk: boolean }): StreamAccumulator<Chunk>;
  /** Text to classify: the last user message. */
  promptText(params: Params): string | undefined;
  inputMessages(params: Params): GenAiMessage[];
  systemInstructions(params: Params): GenAiPart[] | undefined;
}

/** Text of OpenAI/Anthropic-style content: a string or an array of parts with `text`. */
export function contentText(content: unknown): string | undefined {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return undefined;
  let text = '';
  for (const part of content) {
    const t = (part as { text?: unknown })?.text;
    if (typeof t === 'string') text += (text ? '\n' : '') + t;
  }
  return text || undefined;
}

/** Sets numeric attributes only when they are finite numbers (providers omit fields freely). */
export function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
