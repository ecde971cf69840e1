import type { Attributes } from '@opentelemetry/api';
import { ATTR } from './attributes.js';
import { contentText, num, type CallMapper, type GenAiMessage, type GenAiPart, type ResponseSummary, type StreamAccumulator, type Usage } from './call-mapper.js';

interface ResponsesParams {
  model?: string;
  input?: string | Array<{ type?: string; role?: string; content?: unknown; call_id?: string; output?: unknown; name?: string; arguments?: string }>;
  instructions?: string | null;
  max_output_tokens?: number | null;
  temperature?: number | null;
  top_p?: number | null;
  stream?: boolean | null;
  tools?: unknown[];
}
interface ResponsesUsage {
  input_tokens?: number;
  output_tokens?: number;
  input_tokens_details?: { cached_tokens?: number } | null;
  output_tokens_details?: { reasoning_tokens?: number } | null;
}
interface OutputItem {
  type?: string;
  role?: string;
  content?: Array<{ type?: string; text?: string }>;
  call_id?: string;
  name?: string;
  arguments?: string;
}
interface ResponseObject {
  id?: string;
  model?: string;
  status?: string;
  incomplete_details?: { reason?: string } | null;
  output?: OutputItem[];
  usage?: ResponsesUsage | null;
}
interface ResponsesEvent {
  type?: string;
  response?: ResponseObject;
  message?: string;
  code?: string | null;
}

function usage(u: ResponsesUsage | null | undefined): Usage | undefined {
  if (!u) return undefined;
  // As with chat completions, input includes cached tokens and output includes reasoning.
  return {
    input: num(u.input_tokens),
    output: num(u.output_tokens),
    cacheRead: num(u.input_tokens_details?.cached_tokens),
    reasoning: num(u.output_tokens_details?.reasoning_tokens),
  };
}

/** The Responses API has a status, not finish reasons; map it onto the chat vocabulary. */
function finishReason(r: ResponseObject): string | undefined {
  if (r.status === 'completed') return r.output?.some((o) => o.type === 'function_call') ? 'tool_calls' : 'stop';
  if (r.status === 'incomplete') return r.incomplete_details?.reason === 'max_output_tokens' ? 'length' : (r.incomplete_details?.reason ?? 'incomplete');
  return r.status === 'failed' ? 'error' : undefined;
}

function summarize(r: ResponseObject, capture: boolean): ResponseSummary {
  const reason = finishReason(r);
  let output: GenAiMessage[] | undefined;
  if (capture) {
    const parts: GenAiPart[] = [];
    for (const item of r.output ?? []) {
      if (item.type === 'message') {
        for (const c of item.content ?? []) if (typeof c.text === 'string') parts.push({ type: 'text', content: c.text });
      } else if (item.type === 'function_call') {
        parts.push({ type: 'tool_call', id: item.call_id, name: item.name ?? '', arguments: item.arguments });
      }
    }
    output = [{ role: 'assistant', parts, ...(reason ? { finish_reason: reason } : {}) }];
  }
  return { id: r.id, model: r.model, finishReasons: reason ? [reason] : [], usage: usage(r.usage), output };
}

/** Maps `client.responses.create`. */
export const openAIResponsesMapper: CallMapper<ResponsesParams, ResponseObject, ResponsesEvent> = {
  provider: 'openai',
  operation: 'chat',
  streamUsageOption: false,
  model: (p) => p.model ?? '',
  isStream: (p) => p.stream === true,
  hasTools: (p) => Array.isArray(p.tools) && p.tools.length > 0,
  requestAttributes(p) {
    const a: Attributes = {};
    if (typeof p.max_output_tokens === 'number') a[ATTR.requestMaxTokens] = p.max_output_tokens;
    if (typeof p.temperature === 'number') a[ATTR.requestTemperature] = p.temperature;
    if (typeof p.top_p === 'number') a[ATTR.requestTopP] = p.top_p;
    return a;
  },
  summarize,
  accumulator: ({ capture }) => new ResponsesAccumulator(capture),
  promptText(p) {
    if (typeof p.input === 'string') return p.input;
    const items = p.input ?? [];
    for (let i = items.length - 1; i >= 0; i--) {
      const item = items[i];
      if (item?.role === 'user') return contentText(item.content);
    }
    return undefined;
  },
  inputMessages(p) {
    if (typeof p.input === 'string') return [{ role: 'user', parts: [{ type: 'text', content: p.input }] }];
    return (p.input ?? [])
      .filter((m) => m.role !== 'system' && m.role !== 'developer')
      .map((m): GenAiMessage => {
        if (m.type === 'function_call_output') return { role: 'tool', parts: [{ type: 'tool_call_response', id: m.call_id, response: m.output }] };
        if (m.type === 'function_call') return { role: 'assistant', parts: [{ type: 'tool_call', id: m.call_id, name: m.name ?? '', arguments: m.arguments }] };
        const text = contentText(m.content);
        return { role: m.role ?? 'user', parts: text ? [{ type: 'text', content: text }] : [] };
      });
  },
  systemInstructions(p) {
    const parts: GenAiPart[] = p.instructions ? [{ type: 'text', content: p.instructions }] : [];
    if (Array.isArray(p.input)) {
      for (const m of p.input) {
        const text = (m.role === 'system' || m.role === 'developer') && contentText(m.content);
        if (text) parts.push({ type: 'text', content: text });
      }
    }
    return parts.length ? parts : undefined;
  },
};

/** The final `response.completed` (or `.incomplete` / `.failed`) event carries the whole response. */
class ResponsesAccumulator implements StreamAccumulator<ResponsesEvent> {
  sawOutput = false;
  streamError: unknown;
  private last: ResponseObject | undefined;

  constructor(private readonly capture: boolean) {}

  add(event: ResponsesEvent): boolean {
    const type = event.type ?? '';
    if (event.response) this.last = event.response;
    if (!this.sawOutput && (type.endsWith('.delta') || type === 'response.output_item.added')) this.sawOutput = true;
    if (type === 'error') this.streamError = Object.assign(new Error(event.message ?? 'stream error'), { name: 'ResponseStreamError' });
    return true;
  }

  summary(): ResponseSummary {
    return this.last ? summarize(this.last, this.capture) : {};
  }
}
