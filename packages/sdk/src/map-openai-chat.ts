import type { Attributes } from '@opentelemetry/api';
import { ATTR } from './attributes.js';
import { contentText, num, type CallMapper, type GenAiMessage, type GenAiPart, type ResponseSummary, type StreamAccumulator, type Usage } from './call-mapper.js';

// Structural types: only the fields read here, so the SDK does not import `openai` types at runtime
// and works across the peer dependency's versions.
interface ChatParams {
  model?: string;
  messages?: Array<{ role?: string; content?: unknown; tool_calls?: ToolCall[]; tool_call_id?: string }>;
  max_tokens?: number | null;
  max_completion_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  stream?: boolean | null;
  stream_options?: unknown;
  tools?: unknown[];
}
interface ToolCall {
  id?: string;
  type?: string;
  function?: { name?: string; arguments?: string };
}
interface ChatUsage {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number } | null;
  completion_tokens_details?: { reasoning_tokens?: number } | null;
}
interface ChatCompletion {
  id?: string;
  model?: string;
  choices?: Array<{ finish_reason?: string | null; message?: { role?: string; content?: string | null; tool_calls?: ToolCall[] } }>;
  usage?: ChatUsage | null;
}
interface ChatChunk {
  id?: string;
  model?: string;
  choices?: Array<{ index?: number; finish_reason?: string | null; delta?: { content?: string | null; tool_calls?: Array<ToolCall & { index?: number }> } }>;
  usage?: ChatUsage | null;
}

/** OpenAI usage → conventions: `prompt_tokens` already includes cached tokens, `completion_tokens` reasoning. */
export function openAIChatUsage(u: ChatUsage | null | undefined): Usage | undefined {
  if (!u) return undefined;
  return {
    input: num(u.prompt_tokens),
    output: num(u.completion_tokens),
    cacheRead: num(u.prompt_tokens_details?.cached_tokens),
    reasoning: num(u.completion_tokens_details?.reasoning_tokens),
  };
}

function toolCallParts(calls: ToolCall[] | undefined): GenAiPart[] {
  return (calls ?? []).map((c) => ({ type: 'tool_call', id: c.id, name: c.function?.name ?? '', arguments: c.function?.arguments }));
}

/** Maps `client.chat.completions.create`. */
export const openAIChatMapper: CallMapper<ChatParams, ChatCompletion, ChatChunk> = {
  provider: 'openai',
  operation: 'chat',
  streamUsageOption: true,
  model: (p) => p.model ?? '',
  isStream: (p) => p.stream === true,
  hasTools: (p) => Array.isArray(p.tools) && p.tools.length > 0,
  requestAttributes(p) {
    const a: Attributes = {};
    const maxTokens = p.max_completion_tokens ?? p.max_tokens;
    if (typeof maxTokens === 'number') a[ATTR.requestMaxTokens] = maxTokens;
    if (typeof p.temperature === 'number') a[ATTR.requestTemperature] = p.temperature;
    if (typeof p.top_p === 'number') a[ATTR.requestTopP] = p.top_p;
    return a;
  },
  summarize(r, capture): ResponseSummary {
    const finishReasons: string[] = [];
    for (const c of r.choices ?? []) if (c.finish_reason) finishReasons.push(c.finish_reason);
    return {
      id: r.id,
      model: r.model,
      finishReasons,
      usage: openAIChatUsage(r.usage),
      output: capture
        ? (r.choices ?? []).map((c) => ({
            role: c.message?.role ?? 'assistant',
            parts: [...(c.message?.content ? [{ type: 'text' as const, content: c.message.content }] : []), ...toolCallParts(c.message?.tool_calls)],
            ...(c.finish_reason ? { finish_reason: c.finish_reason } : {}),
          }))
        : undefined,
    };
  },
  accumulator: ({ capture, hideUsageChunk }) => new ChatAccumulator(capture, hideUsageChunk),
  promptText(p) {
    const messages = p.messages ?? [];
    for (let i = messages.length - 1; i >= 0; i--) {
      if (messages[i]?.role === 'user') return contentText(messages[i]?.content);
    }
    return undefined;
  },
  inputMessages(p) {
    return (p.messages ?? [])
      .filter((m) => m.role !== 'system' && m.role !== 'developer')
      .map((m) => {
        const text = contentText(m.content);
        const parts: GenAiPart[] =
          m.role === 'tool'
            ? [{ type: 'tool_call_response', id: m.tool_call_id, response: text ?? m.content }]
            : [...(text ? [{ type: 'text' as const, content: text }] : []), ...toolCallParts(m.tool_calls)];
        return { role: m.role ?? 'user', parts };
      });
  },
  systemInstructions(p) {
    const parts: GenAiPart[] = [];
    for (const m of p.messages ?? []) {
      if (m.role !== 'system' && m.role !== 'developer') continue;
      const text = contentText(m.content);
      if (text) parts.push({ type: 'text', content: text });
    }
    return parts.length ? parts : undefined;
  },
};

/** Folds chat completion chunks into a summary; may hide the usage-only chunk the SDK asked for. */
class ChatAccumulator implements StreamAccumulator<ChatChunk> {
  sawOutput = false;
  private id: string | undefined;
  private model: string | undefined;
  private usage: Usage | undefined;
  private readonly finish = new Map<number, string>();
  // Only filled when content is captured.
  private readonly text = new Map<number, string>();
  private readonly tools = new Map<number, Map<number, ToolCall>>();

  constructor(
    private readonly capture: boolean,
    private readonly hideUsageChunk: boolean,
  ) {}

  add(chunk: ChatChunk): boolean {
    this.id ??= chunk.id;
    this.model ??= chunk.model;
    if (chunk.usage) this.usage = openAIChatUsage(chunk.usage);
    const choices = chunk.choices ?? [];
    if (choices.length > 0) this.sawOutput = true;
    for (const c of choices) {
      const i = c.index ?? 0;
      if (c.finish_reason) this.finish.set(i, c.finish_reason);
      if (!this.capture) continue;
      const d = c.delta;
      if (d?.content) this.text.set(i, (this.text.get(i) ?? '') + d.content);
      for (const t of d?.tool_calls ?? []) {
        const calls = this.tools.get(i) ?? new Map<number, ToolCall>();
        this.tools.set(i, calls);
        const prev = calls.get(t.index ?? 0);
        calls.set(t.index ?? 0, {
          id: prev?.id ?? t.id,
          function: { name: (prev?.function?.name ?? '') + (t.function?.name ?? ''), arguments: (prev?.function?.arguments ?? '') + (t.function?.arguments ?? '') },
        });
      }
    }
    // The chunk we asked for with include_usage has no choices; the app did not ask for it.
    return !(this.hideUsageChunk && choices.length === 0 && chunk.usage);
  }

  summary(): ResponseSummary {
    const capture = this.capture;
    const indexes = [...new Set([...this.finish.keys(), ...this.text.keys(), ...this.tools.keys()])].sort((a, b) => a - b);
    const output: GenAiMessage[] | undefined = capture
      ? indexes.map((i) => ({
          role: 'assistant',
          parts: [
            ...(this.text.get(i) ? [{ type: 'text' as const, content: this.text.get(i) as string }] : []),
            ...toolCallParts([...(this.tools.get(i)?.values() ?? [])]),
          ],
          ...(this.finish.get(i) ? { finish_reason: this.finish.get(i) } : {}),
        }))
      : undefined;
    return { id: this.id, model: this.model, finishReasons: [...this.finish.values()], usage: this.usage, output };
  }
}
