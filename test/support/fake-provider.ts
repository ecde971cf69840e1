/**
 * A fake LLM provider for tests and benchmarks: OpenAI-compatible `/v1/chat/completions`,
 * `/v1/responses` and `/v1/embeddings`, and Anthropic `/v1/messages`, with and without SSE streaming, on
 * `127.0.0.1` and an ephemeral port. Point a real `openai` or `@anthropic-ai/sdk` client at `url`.
 *
 * Behaviour is chosen by the request, so tests need no set-up calls:
 * - a request with `tools` gets a tool call back (finish reason `tool_calls` / `tool_use`);
 * - `model: 'fail-<status>'` (e.g. `fail-429`, `fail-500`) answers that status with the
 *   provider's JSON error body (and `retry-after: 0` on 429);
 * - `model: 'slow-<ms>'` waits that long before answering (a stream waits before each event);
 * - `options.failureRates` makes chosen models fail (HTTP 500) on a share of their requests,
 *   deterministically (the n-th request fails when ⌊n·rate⌋ grows), e.g. a cheap model that
 *   fails more often than the one it replaces;
 * - `options.answer` scripts the text of non-streamed chat completions and Anthropic messages per
 *   request (e.g. per model: a candidate's answers, a judge's verdicts).
 *
 * Usage is fixed so that tests can assert exact numbers: OpenAI reports 1200 prompt tokens
 * (200 of them cached) and 300 completion tokens (100 of them reasoning); Anthropic reports
 * `input_tokens` 800 plus 200 cache reads and 200 cache writes (1200 in all) and 300 output tokens.
 * `options.usage` changes any of these counts for one server.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake provider received. */
export interface FakeProviderRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
}

/** A running fake provider. */
export interface FakeProvider {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:51234`. OpenAI clients want `${url}/v1`. */
  url: string;
  /** Requests received so far, oldest first. Cleared with `requests.length = 0`. */
  requests: FakeProviderRequest[];
  /** Stops the server and closes open connections. */
  close: () => Promise<void>;
}

/** Options for {@link startFakeProvider}. */
export interface FakeProviderOptions {
  /** Keep request bodies in `requests` (default true). Benchmarks turn this off to keep memory flat. */
  recordRequests?: boolean;
  /**
   * Usage to report instead of {@link FAKE_USAGE} (each count defaults to FAKE_USAGE's). OpenAI:
   * `input` includes `cached`, `output` includes `reasoning` (as OpenAI reports them).
   * Anthropic: `input` EXCLUDES `cacheRead` and `cacheWrite` (as Anthropic reports them).
   */
  usage?: FakeUsageOptions;
  /**
   * Scripted answers: the text of a non-streamed chat completion or Anthropic message, chosen
   * from the request; `undefined` keeps the default `Hello from the fake provider.`.
   */
  answer?: (request: FakeAnswerRequest) => string | undefined;
  /** Per requested model, the share of its requests answered with HTTP 500 (0–1). */
  failureRates?: Record<string, number>;
}

/** What {@link FakeProviderOptions.answer} sees of a request. */
export interface FakeAnswerRequest {
  model: string;
  /** The system prompt (OpenAI `system` messages or Anthropic `system`), joined. */
  system: string;
  /** The user and assistant messages' text, joined with blank lines. */
  text: string;
  body: any;
}

function answerRequest(body: any, anthropic: boolean): FakeAnswerRequest {
  const textOf = (content: unknown): string =>
    typeof content === 'string' ? content : Array.isArray(content) ? content.map((p: any) => (typeof p?.text === 'string' ? p.text : '')).join('') : '';
  const messages: any[] = Array.isArray(body?.messages) ? body.messages : [];
  const system = anthropic ? textOf(body?.system) : messages.filter((m) => m?.role === 'system' || m?.role === 'developer').map((m) => textOf(m.content)).join('\n\n');
  const text = messages.filter((m) => m?.role === 'user' || m?.role === 'assistant').map((m) => textOf(m.content)).join('\n\n');
  return { model: typeof body?.model === 'string' ? body.model : 'unknown', system, text, body };
}

/** The usage a fake provider reports: see {@link FakeProviderOptions.usage}. */
export interface FakeUsage {
  openai: { input: number; cached: number; output: number; reasoning: number };
  anthropic: { input: number; cacheRead: number; cacheWrite: number; output: number };
}

/** Per-count overrides of {@link FAKE_USAGE}. */
export interface FakeUsageOptions {
  openai?: Partial<FakeUsage['openai']>;
  anthropic?: Partial<FakeUsage['anthropic']>;
}

export const FAKE_USAGE = {
  openai: { input: 1200, cached: 200, output: 300, reasoning: 100 },
  anthropic: { input: 800, cacheRead: 200, cacheWrite: 200, output: 300 },
} as const;

/** FAKE_USAGE with `options` applied. */
export function fakeUsage(options: FakeUsageOptions = {}): FakeUsage {
  return {
    openai: { ...FAKE_USAGE.openai, ...options.openai },
    anthropic: { ...FAKE_USAGE.anthropic, ...options.anthropic },
  };
}

/** Starts a fake provider on 127.0.0.1 with an ephemeral port. */
export async function startFakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const recordRequests = options.recordRequests ?? true;
  const usage = fakeUsage(options.usage);
  const answer = options.answer ?? (() => undefined);
  const requests: FakeProviderRequest[] = [];
  const seen = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: any = undefined;
      try {
        body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
      } catch {
        body = undefined;
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (recordRequests) requests.push({ method: req.method ?? 'GET', path, headers: req.headers, body });
      const failing = typeof body?.model === 'string' ? options.failureRates?.[body.model] : undefined;
      if (failing !== undefined) {
        const n = (seen.get(body.model) ?? 0) + 1;
        seen.set(body.model, n);
        if (Math.floor(n * failing) > Math.floor((n - 1) * failing)) return sendError(res, 500, path === '/v1/messages');
      }
      void route(path, body, res, usage, answer).catch((err: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: { message: String(err), type: 'server_error' } });
        else res.destroy();
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function route(path: string, body: any, res: ServerResponse, usage: FakeUsage, answer: NonNullable<FakeProviderOptions['answer']>): Promise<void> {
  const model: string = typeof body?.model === 'string' ? body.model : 'unknown';
  const slow = /^slow-(\d+)$/.exec(model);
  const delayMs = slow ? Number(slow[1]) : 0;
  const fail = /^fail-(\d{3})$/.exec(model);
  const anthropic = path === '/v1/messages';
  if (fail) return sendError(res, Number(fail[1]), anthropic);
  if (delayMs > 0 && !body?.stream) await sleep(delayMs);
  if (path === '/v1/chat/completions') {
    return body?.stream ? streamChat(res, body, delayMs, usage) : sendJson(res, 200, chatCompletion(body, usage, answer(answerRequest(body, false))));
  }
  if (path === '/v1/responses') {
    return body?.stream ? streamResponses(res, body, delayMs, usage) : sendJson(res, 200, responseObject(body, usage));
  }
  if (path === '/v1/embeddings') return sendJson(res, 200, embeddings(body, usage));
  if (anthropic) {
    return body?.stream ? streamMessages(res, body, delayMs, usage) : sendJson(res, 200, anthropicMessage(body, usage, answer(answerRequest(body, true))));
  }
  sendJson(res, 404, { error: { message: `no route ${path}`, type: 'invalid_request_error' } });
}

/** One vector per input (a string or an array of them), `dimensions` long (default 8); usage = FAKE_USAGE input tokens. */
function embeddings(body: any, usage: FakeUsage) {
  const inputs: unknown[] = Array.isArray(body?.input) ? body.input : [body?.input];
  const size = typeof body?.dimensions === 'number' ? body.dimensions : 8;
  return {
    object: 'list',
    model: typeof body?.model === 'string' ? `${body.model}` : 'unknown',
    data: inputs.map((_, index) => ({ object: 'embedding', index, embedding: Array.from({ length: size }, (_, i) => (i + index) / size) })),
    usage: { prompt_tokens: usage.openai.input, total_tokens: usage.openai.input },
  };
}

function sendError(res: ServerResponse, status: number, anthropic: boolean): void {
  const headers: Record<string, string> = status === 429 ? { 'retry-after': '0' } : {};
  const type = status === 429 ? 'rate_limit_error' : status >= 500 ? 'api_error' : 'invalid_request_error';
  const body = anthropic
    ? { type: 'error', error: { type, message: `fake ${status}` } }
    : { error: { message: `fake ${status}`, type, code: status === 429 ? 'rate_limit_exceeded' : null, param: null } };
  sendJson(res, status, body, headers);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'x-request-id': 'req_fake',
    ...headers,
  });
  res.end(text);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function openAIUsage(usage: FakeUsage) {
  const u = usage.openai;
  return {
    prompt_tokens: u.input,
    completion_tokens: u.output,
    total_tokens: u.input + u.output,
    prompt_tokens_details: { cached_tokens: u.cached, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: u.reasoning, audio_tokens: 0 },
  };
}

function toolCall(body: any) {
  const name: string = body?.tools?.[0]?.function?.name ?? body?.tools?.[0]?.name ?? 'tool';
  return { id: 'call_fake_1', type: 'function' as const, function: { name, arguments: '{"city":"Paris"}' } };
}

function chatCompletion(body: any, usage: FakeUsage, text?: string) {
  const hasTools = Array.isArray(body?.tools) && body.tools.length > 0;
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion',
    created: 1_700_000_000,
    model: `${body?.model ?? 'unknown'}-2024-08-06`,
    choices: [
      {
        index: 0,
        message: hasTools
          ? { role: 'assistant', content: null, tool_calls: [toolCall(body)], refusal: null }
          : { role: 'assistant', content: text ?? 'Hello from the fake provider.', refusal: null },
        logprobs: null,
        finish_reason: hasTools ? 'tool_calls' : 'stop',
      },
    ],
    usage: openAIUsage(usage),
    system_fingerprint: 'fp_fake',
  };
}

function startSse(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': 'req_fake' });
}

async function writeEvents(res: ServerResponse, events: string[], delayMs: number): Promise<void> {
  for (const e of events) {
    if (delayMs > 0) await sleep(delayMs);
    if (res.destroyed) return;
    res.write(e);
  }
  res.end();
}

async function streamChat(res: ServerResponse, body: any, delayMs: number, usage: FakeUsage): Promise<void> {
  startSse(res);
  const model = `${body?.model ?? 'unknown'}-2024-08-06`;
  const base = { id: 'chatcmpl-fake', object: 'chat.completion.chunk', created: 1_700_000_000, model, system_fingerprint: 'fp_fake' };
  const hasTools = Array.isArray(body?.tools) && body.tools.length > 0;
  const includeUsage = body?.stream_options?.include_usage === true;
  const chunks: unknown[] = [];
  if (hasTools) {
    const call = toolCall(body);
    chunks.push({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: null, tool_calls: [{ index: 0, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }, finish_reason: null }] });
    chunks.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: call.function.arguments } }] }, finish_reason: null }] });
    chunks.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
  } else {
    chunks.push({ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] });
    for (const word of ['Hello', ' from', ' the', ' fake', ' provider.']) {
      chunks.push({ ...base, choices: [{ index: 0, delta: { content: word }, finish_reason: null }] });
    }
    chunks.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
  }
  if (includeUsage) chunks.push({ ...base, choices: [], usage: openAIUsage(usage) });
  const events = chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`);
  events.push('data: [DONE]\n\n');
  await writeEvents(res, events, delayMs);
}

function responseObject(body: any, usage: FakeUsage, status = 'completed') {
  const u = usage.openai;
  const hasTools = Array.isArray(body?.tools) && body.tools.length > 0;
  const output = hasTools
    ? [{ type: 'function_call', id: 'fc_fake', call_id: 'call_fake_1', name: body.tools[0]?.name ?? 'tool', arguments: '{"city":"Paris"}', status: 'completed' }]
    : [{ type: 'message', id: 'msg_fake', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'Hello from the fake provider.', annotations: [] }] }];
  return {
    id: 'resp_fake',
    object: 'response',
    created_at: 1_700_000_000,
    status,
    model: `${body?.model ?? 'unknown'}-2024-08-06`,
    output: status === 'completed' ? output : [],
    usage:
      status === 'completed'
        ? {
            input_tokens: u.input,
            input_tokens_details: { cached_tokens: u.cached },
            output_tokens: u.output,
            output_tokens_details: { reasoning_tokens: u.reasoning },
            total_tokens: u.input + u.output,
          }
        : null,
    incomplete_details: null,
    error: null,
    instructions: body?.instructions ?? null,
    max_output_tokens: body?.max_output_tokens ?? null,
    temperature: body?.temperature ?? 1,
    top_p: body?.top_p ?? 1,
    tools: body?.tools ?? [],
    parallel_tool_calls: true,
    tool_choice: 'auto',
  };
}

async function streamResponses(res: ServerResponse, body: any, delayMs: number, usage: FakeUsage): Promise<void> {
  startSse(res);
  const done = responseObject(body, usage);
  const events: Array<[string, unknown]> = [
    ['response.created', { type: 'response.created', sequence_number: 0, response: responseObject(body, usage, 'in_progress') }],
    ['response.output_text.delta', { type: 'response.output_text.delta', sequence_number: 1, item_id: 'msg_fake', output_index: 0, content_index: 0, delta: 'Hello from the fake provider.' }],
    ['response.completed', { type: 'response.completed', sequence_number: 2, response: done }],
  ];
  await writeEvents(res, events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`), delayMs);
}

function anthropicUsage(usage: FakeUsage, output: number) {
  const u = usage.anthropic;
  return {
    input_tokens: u.input,
    cache_read_input_tokens: u.cacheRead,
    cache_creation_input_tokens: u.cacheWrite,
    output_tokens: output,
    service_tier: 'standard',
  };
}

function anthropicMessage(body: any, usage: FakeUsage, text?: string) {
  const hasTools = Array.isArray(body?.tools) && body.tools.length > 0;
  return {
    id: 'msg_fake',
    type: 'message',
    role: 'assistant',
    model: `${body?.model ?? 'unknown'}-20250101`,
    content: hasTools
      ? [{ type: 'tool_use', id: 'toolu_fake', name: body.tools[0]?.name ?? 'tool', input: { city: 'Paris' } }]
      : [{ type: 'text', text: text ?? 'Hello from the fake provider.' }],
    stop_reason: hasTools ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: anthropicUsage(usage, usage.anthropic.output),
  };
}

async function streamMessages(res: ServerResponse, body: any, delayMs: number, usage: FakeUsage): Promise<void> {
  startSse(res);
  const full = anthropicMessage(body, usage);
  const hasTools = full.stop_reason === 'tool_use';
  const events: Array<[string, unknown]> = [
    ['message_start', { type: 'message_start', message: { ...full, content: [], stop_reason: null, usage: anthropicUsage(usage, 1) } }],
  ];
  if (hasTools) {
    const block = full.content[0] as { id: string; name: string };
    events.push(['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } }]);
    events.push(['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"city":"Paris"}' } }]);
  } else {
    events.push(['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }]);
    for (const word of ['Hello', ' from', ' the', ' fake', ' provider.']) {
      events.push(['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: word } }]);
    }
  }
  events.push(['content_block_stop', { type: 'content_block_stop', index: 0 }]);
  // Anthropic's message_delta carries cumulative usage; output_tokens is final here.
  events.push(['message_delta', { type: 'message_delta', delta: { stop_reason: full.stop_reason, stop_sequence: null }, usage: { output_tokens: usage.anthropic.output } }]);
  events.push(['message_stop', { type: 'message_stop' }]);
  await writeEvents(res, events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`), delayMs);
}
