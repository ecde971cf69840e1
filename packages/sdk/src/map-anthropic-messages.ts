import type { Attributes } from '@opentelemetry/api';
import { ATTR } from './attributes.js';
import { contentText, num, type CallMapper, type GenAiMessage, type GenAiPart, type ResponseSummary, type StreamAccumulator, type Usage } from './call-mapper.js';

interface Block {
  type?: string;
  text?: string;
  thinking?: string;
  id?: string;
  name?: string;
  input?: unknown;
  tool_use_id?: string;
  content?: unknown;
}
interface MessagesParams {
  model?: string;
  messages?: Array<{ role?: string; content?: string | Block[] }>;
  system?: string | Block[];
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  stream?: boolean;
  tools?: unknown[];
}
interface AnthropicUsage {
  input_tokens?: number | null;
  output_tokens?: number | null;
  cache_read_input_tokens?: number | null;
  cache_creation_input_tokens?: number | null;
}
interface Message {
  id?: string;
  model?: string;
  stop_reason?: string | null;
  content?: Block[];
  usage?: AnthropicUsage | null;
}
interface MessageEvent {
  type?: string;
  message?: Message;
  index?: number;
  content_block?: Block;
  delta?: { type?: string; text?: string; partial_json?: string; thinking?: string; stop_reason?: string | null };
  usage?: AnthropicUsage | null;
  error?: { type?: string; message?: string };
}

/**
 * Anthropic usage → conventions. Anthropic's `input_tokens` EXCLUDES cache reads and cache writes,
 * while `gen_ai.usage.input_tokens` includes them, so they are added here.
 */
export function anthropicUsage(u: AnthropicUsage | null | undefined): Usage | undefined {
  if (!u) return undefined;
  const base = num(u.input_tokens);
  const cacheRead = num(u.cache_read_input_tokens);
  const cacheWrite = num(u.cache_creation_input_tokens);
  return {
    input: base === undefined ? undefined : base + (cacheRead ?? 0) + (cacheWrite ?? 0),
    output: num(u.output_tokens),
    cacheRead,
    cacheWrite,
  };
}

function blockParts(content: string | Block[] | undefined): GenAiPart[] {
  if (typeof content === 'string') return [{ type: 'text', content }];
  const parts: GenAiPart[] = [];
  for (const b of content ?? []) {
    if (b.type === 'text' && typeof b.text === 'string') parts.push({ type: 'text', content: b.text });
    else if (b.type === 'thinking' && typeof b.thinking === 'string') parts.push({ type: 'reasoning', content: b.thinking });
    else if (b.type === 'tool_use') parts.push({ type: 'tool_call', id: b.id, name: b.name ?? '', arguments: b.input });
    else if (b.type === 'tool_result') parts.push({ type: 'tool_call_response', id: b.tool_use_id, response: contentText(b.content) ?? b.content });
  }
  return parts;
}

function summarize(m: Message, capture: boolean): ResponseSummary {
  return {
    id: m.id,
    model: m.model,
    finishReasons: m.stop_reason ? [m.stop_reason] : [],
    usage: anthropicUsage(m.usage),
    output: capture ? [{ role: 'assistant', parts: blockParts(m.content), ...(m.stop_reason ? { finish_reason: m.stop_reason } : {}) }] : undefined,
  };
}

/** Maps `client.messages.create` (and `client.beta.messages.create`). */
export const anthropicMessagesMapper: CallMapper<MessagesParams, Message, MessageEvent> = {
  provider: 'anthropic',
  operation: 'chat',
  streamUsageOption: false,
  model: (p) => p.model ?? '',
  isStream: (p) => p.stream === true,
  hasTools: (p) => Array.isArray(p.tools) && p.tools.length > 0,
  requestAttributes(p) {
    const a: Attributes = {};
    if (typeof p.max_tokens === 'number') a[ATTR.requestMaxTokens] = p.max_tokens;
    if (typeof p.temperature === 'number') a[ATTR.requestTemperature] = p.temperature;
    if (typeof p.top_p === 'number') a[ATTR.requestTopP] = p.top_p;
    return a;
  },
  summarize,
  accumulator: ({ capture }) => new MessagesAccumulator(capture),
  promptText(p) {
    const messages = p.messages ?? [];
    for (let i = messages.length - 1; i >= 0; i--) {
      const m = messages[i];
      if (m?.role !== 'user') continue;
      // A user turn carrying only tool results is the tool loop, not the question.
      const text = contentText(typeof m.content === 'string' ? m.content : (m.content ?? []).filter((b) => b.type === 'text'));
      if (text) return text;
    }
    return undefined;
  },
  inputMessages: (p) => (p.messages ?? []).map((m): GenAiMessage => ({ role: m.role ?? 'user', parts: blockParts(m.content) })),
  systemInstructions(p) {
    if (!p.system) return undefined;
    const parts = blockParts(p.system);
    return parts.length ? parts : undefined;
  },
};

/** Folds message stream events: `message_start` has id, model and input usage; `message_delta` the stop reason and final usage. */
class MessagesAccumulator implements StreamAccumulator<MessageEvent> {
  sawOutput = false;
  streamError: unknown;
  private message: Message = {};
  private rawUsage: AnthropicUsage = {};
  private readonly blocks: Block[] = [];

  constructor(private readonly capture: boolean) {}

  add(e: MessageEvent): boolean {
    switch (e.type) {
      case 'message_start':
        this.message = { id: e.message?.id, model: e.message?.model };
        this.rawUsage = { ...e.message?.usage };
        break;
      case 'content_block_start':
        this.sawOutput = true;
        if (this.capture && e.content_block) this.blocks[e.index ?? this.blocks.length] = { ...e.content_block, ...(e.content_block.type === 'tool_use' ? { input: '' } : {}) };
        break;
      case 'content_block_delta': {
        this.sawOutput = true;
        const block = this.capture ? this.blocks[e.index ?? 0] : undefined;
        if (block && e.delta?.type === 'text_delta') block.text = (block.text ?? '') + (e.delta.text ?? '');
        else if (block && e.delta?.type === 'thinking_delta') block.thinking = (block.thinking ?? '') + (e.delta.thinking ?? '');
        else if (block && e.delta?.type === 'input_json_delta') block.input = String(block.input ?? '') + (e.delta.partial_json ?? '');
        break;
      }
      case 'message_delta':
        if (e.delta?.stop_reason) this.message.stop_reason = e.delta.stop_reason;
        // message_delta usage is cumulative; newer API versions repeat input and cache counts here.
        if (e.usage) for (const [k, v] of Object.entries(e.usage)) if (typeof v === 'number') (this.rawUsage as Record<string, number>)[k] = v;
        break;
      case 'error':
        this.streamError = Object.assign(new Error(e.error?.message ?? 'stream error'), { name: e.error?.type ?? 'StreamError' });
        break;
    }
    return true;
  }

  summary(): ResponseSummary {
    return summarize({ ...this.message, usage: this.rawUsage, content: this.blocks.filter(Boolean) }, this.capture);
  }
}
