import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/support/fake-provider.js';
import { shutdown } from './init.js';
import { initTesting, type TierlensTesting } from './testing/index.js';
import { withTierlens } from './tierlens-context.js';
import { wrapOpenAI } from './wrap-openai.js';

let provider: FakeProvider;
let t: TierlensTesting;

beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(async () => {
  await shutdown();
  await provider.close();
});
beforeEach(() => {
  t = initTesting();
  provider.requests.length = 0;
});

const raw = () => new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-test', maxRetries: 0 });
const messages = [{ role: 'user' as const, content: 'What is the weather in Paris?' }];
const tools = [{ type: 'function' as const, function: { name: 'get_weather', parameters: { type: 'object', properties: {} } } }];

/** A client whose `create` records the promise it returned, to prove the wrapper hands back that very object. */
function spiedClient() {
  const client = raw();
  const returned: unknown[] = [];
  const original = client.chat.completions.create.bind(client.chat.completions);
  client.chat.completions.create = ((...args: Parameters<typeof original>) => {
    const p = original(...args);
    returned.push(p);
    return p;
  }) as typeof original;
  return { client, returned };
}

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

describe('wrapOpenAI: embeddings', () => {
  it('records one embeddings span with the billed input tokens, and never classifies or captures the input', async () => {
    t = initTesting({ captureContent: true, classify: () => ({ queryType: 'coding', confidence: 1 }) });
    const result = await wrapOpenAI(raw(), { feature: 'search' }).embeddings.create({
      model: 'text-embedding-3-small',
      input: ['def add(a, b): return a + b', 'SELECT 1'],
      dimensions: 4,
      encoding_format: 'float',
    });
    expect(result.data).toHaveLength(2);
    expect(result.data[0]?.embedding).toHaveLength(4);
    const [span] = await t.getSpans();
    expect(span?.name).toBe('embeddings text-embedding-3-small');
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'text-embedding-3-small',
      'gen_ai.response.model': 'text-embedding-3-small',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.request.encoding_formats': ['float'],
      'gen_ai.embeddings.dimension.count': 4,
      'tierlens.feature': 'search',
    });
    expect(span?.attributes['gen_ai.usage.output_tokens']).toBeUndefined();
    expect(span?.attributes['tierlens.query_type']).toBeUndefined();
    expect(span?.attributes['gen_ai.input.messages']).toBeUndefined();
  });

  it('rethrows a provider error unchanged and records it', async () => {
    const error = await wrapOpenAI(raw()).embeddings.create({ model: 'fail-429', input: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    const [span] = await t.getSpans();
    expect(span?.attributes).toMatchObject({ 'gen_ai.operation.name': 'embeddings', 'error.type': 'RateLimitError', 'http.response.status_code': 429 });
  });
});

describe('wrapOpenAI: chat completions', () => {
  it('returns the client promise object itself, and keeps the client type', async () => {
    const { client, returned } = spiedClient();
    const openai = wrapOpenAI(client);
    expect(openai).toBeInstanceOf(OpenAI);
    const p = openai.chat.completions.create({ model: 'gpt-4o', messages });
    expect(p).toBe(returned[0]);
    await p;
    expect(await t.getSpans()).toHaveLength(1);
  });

  it('records tool calls and marks the call as having tools', async () => {
    const completion = await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages, tools });
    expect(completion.choices[0]?.message.tool_calls?.[0]).toMatchObject({ function: { name: 'get_weather' } });
    const [span] = await t.getSpans();
    expect(span?.attributes['tierlens.has_tools']).toBe(true);
    expect(span?.attributes['gen_ai.response.finish_reasons']).toEqual(['tool_calls']);
  });

  it('.withResponse() gives the real Response and the data, and the call is recorded', async () => {
    const { data, response, request_id } = await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages }).withResponse();
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(request_id).toBe('req_fake');
    expect(data.id).toBe('chatcmpl-fake');
    const [span] = await t.getSpans();
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBe(1200);
  });

  it('.asResponse() leaves the body unread for the app, and the call is still recorded (without usage)', async () => {
    const response = await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages }).asResponse();
    const body = (await response.json()) as { id: string };
    expect(body.id).toBe('chatcmpl-fake');
    await new Promise((resolve) => setTimeout(resolve, 2100));
    const [span] = await t.getSpans();
    expect(span?.name).toBe('chat gpt-4o');
    expect(span?.attributes['tierlens.usage.missing']).toBe(true);
  });

  it.each([
    [429, OpenAI.RateLimitError],
    [500, OpenAI.InternalServerError],
    [400, OpenAI.BadRequestError],
  ])('rethrows a %i error unchanged (same class, same instance) and records it', async (status, ErrorClass) => {
    const { client, returned } = spiedClient();
    const p = wrapOpenAI(client).chat.completions.create({ model: `fail-${status}`, messages });
    const thrown = await p.then(() => undefined, (e: unknown) => e);
    const original = await (returned[0] as Promise<unknown>).then(() => undefined, (e: unknown) => e);
    expect(thrown).toBeInstanceOf(ErrorClass);
    expect(thrown).toBe(original);
    expect((thrown as InstanceType<typeof OpenAI.APIError>).status).toBe(status);
    const [span] = await t.getSpans();
    expect(span?.status.code).toBe(2); // SpanStatusCode.ERROR
    expect(span?.attributes['error.type']).toBe(ErrorClass.name);
    expect(span?.attributes['http.response.status_code']).toBe(status);
  });

  it('streams: the app sees the same chunks as without Tierlens; the span gets usage from a hidden usage chunk', async () => {
    const plain = await collect(await raw().chat.completions.create({ model: 'gpt-4o', messages, stream: true }));
    const stream = await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages, stream: true });
    const seen = await collect(stream);
    expect(seen).toEqual(plain);
    expect(seen.every((c) => c.choices.length > 0)).toBe(true);
    expect(provider.requests.at(-1)?.body.stream_options).toEqual({ include_usage: true });
    const [span] = await t.getSpans();
    expect(span?.attributes).toMatchObject({
      'gen_ai.request.stream': true,
      'gen_ai.response.id': 'chatcmpl-fake',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 300,
      'gen_ai.usage.cache_read.input_tokens': 200,
      'gen_ai.usage.reasoning.output_tokens': 100,
    });
    expect(span?.attributes['gen_ai.response.time_to_first_chunk']).toBeGreaterThan(0);
  });

  it("streams: the caller's own stream_options are sent as they are and its usage chunk is delivered", async () => {
    const seen = await collect(await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages, stream: true, stream_options: { include_usage: true } }));
    expect(seen.at(-1)?.choices).toEqual([]);
    expect(seen.at(-1)?.usage?.prompt_tokens).toBe(1200);
    const [span] = await t.getSpans();
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBe(1200);
  });

  it('streams: includeStreamUsage: false sends the request untouched; the span says usage is missing', async () => {
    const params = { model: 'gpt-4o', messages, stream: true as const };
    await collect(await wrapOpenAI(raw(), { includeStreamUsage: false }).chat.completions.create(params));
    expect(provider.requests.at(-1)?.body.stream_options).toBeUndefined();
    expect(params).not.toHaveProperty('stream_options');
    const [span] = await t.getSpans();
    expect(span?.attributes['tierlens.usage.missing']).toBe(true);
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBeUndefined();
  });

  it('streams: the stream object keeps tee(), toReadableStream() and its controller; tool calls stream too', async () => {
    const stream = await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages, tools, stream: true });
    expect(stream.controller).toBeInstanceOf(AbortController);
    const [left, right] = stream.tee();
    const [a, b] = await Promise.all([collect(left), collect(right)]);
    expect(a).toEqual(b);
    expect(a.at(-1)?.choices[0]?.finish_reason).toBe('tool_calls');
    const [span] = await t.getSpans();
    expect(span?.attributes['tierlens.has_tools']).toBe(true);
    expect(span?.attributes['gen_ai.usage.output_tokens']).toBe(300);

    t.reset();
    const readable = (await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages, stream: true })).toReadableStream();
    const text = await new Response(readable as ReadableStream).text();
    expect(text.trim().split('\n')).toHaveLength(7);
    expect((await t.getSpans())[0]?.attributes['gen_ai.usage.input_tokens']).toBe(1200);
  });

  it('streams: a stream the app drops unread is recorded when it is garbage-collected, without usage', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const openai = wrapOpenAI(raw());
    await (async () => {
      await openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true });
    })();
    for (let i = 0; i < 50 && (await t.getSpans()).length === 0; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 20));
    }
    const [span] = await t.getSpans();
    expect(span?.attributes).toMatchObject({ 'tierlens.stream.unread': true, 'tierlens.usage.missing': true, 'gen_ai.request.stream': true });
    expect(span?.attributes['gen_ai.usage.input_tokens']).toBeUndefined();
  });

  it('streams: a stream that is read is not reported unread when it is collected later', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    await (async () => {
      const stream = await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages, stream: true });
      await collect(stream);
    })();
    gc();
    await new Promise((r) => setTimeout(r, 50));
    const spans = await t.getSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes['tierlens.stream.unread']).toBeUndefined();
    expect(spans[0]?.attributes['gen_ai.usage.input_tokens']).toBe(1200);
  });

  it('streams: breaking out early ends the span', async () => {
    const stream = await wrapOpenAI(raw()).chat.completions.create({ model: 'slow-5', messages, stream: true });
    for await (const _ of stream) break;
    const [span] = await t.getSpans();
    expect(span?.name).toBe('chat slow-5');
    expect(span?.attributes['tierlens.usage.missing']).toBe(true);
  });

  it('helpers built on create (parse, stream) are recorded too', async () => {
    const openai = wrapOpenAI(raw());
    const parsed = await openai.chat.completions.parse({ model: 'gpt-4o', messages });
    expect(parsed.choices[0]?.message.content).toBe('Hello from the fake provider.');
    const runner = openai.chat.completions.stream({ model: 'gpt-4o', messages });
    const final = await runner.finalChatCompletion();
    expect(final.choices[0]?.message.content).toBe('Hello from the fake provider.');
    const spans = await t.getSpans();
    expect(spans).toHaveLength(2);
    expect(spans.map((s) => s.attributes['gen_ai.usage.input_tokens'])).toEqual([1200, 1200]);
  });

  it('withOptions() returns a wrapped client; other client members are untouched', async () => {
    const openai = wrapOpenAI(raw(), { feature: 'copy' });
    expect(openai.baseURL).toBe(`${provider.url}/v1`);
    expect(openai.chat).toBe(openai.chat);
    const copy = openai.withOptions({ timeout: 5000 });
    await copy.chat.completions.create({ model: 'gpt-4o', messages });
    const models = await openai.models.list().catch((e: unknown) => e);
    expect(models).toBeInstanceOf(OpenAI.NotFoundError);
    const spans = await t.getSpans();
    expect(spans).toHaveLength(1);
    expect(spans[0]?.attributes['tierlens.feature']).toBe('copy');
  });
});

describe('wrapOpenAI: Responses API', () => {
  it('records a non-streamed response with usage', async () => {
    const response = await wrapOpenAI(raw()).responses.create({ model: 'gpt-4.1', input: 'Hi', max_output_tokens: 50 });
    expect(response.output_text).toBe('Hello from the fake provider.');
    const [span] = await t.getSpans();
    expect(span?.name).toBe('chat gpt-4.1');
    expect(span?.attributes).toMatchObject({
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.max_tokens': 50,
      'gen_ai.response.id': 'resp_fake',
      'gen_ai.response.model': 'gpt-4.1-2024-08-06',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 300,
      'gen_ai.usage.cache_read.input_tokens': 200,
      'gen_ai.usage.reasoning.output_tokens': 100,
    });
  });

  it('records a streamed response from its completed event, and tool calls', async () => {
    const events = await collect(await wrapOpenAI(raw()).responses.create({ model: 'gpt-4.1', input: 'Hi', stream: true }));
    expect(events.map((e) => e.type)).toEqual(['response.created', 'response.output_text.delta', 'response.completed']);
    await wrapOpenAI(raw()).responses.create({ model: 'gpt-4.1', input: 'Hi', tools: [{ type: 'function', name: 'get_weather', parameters: {}, strict: false }] });
    const [streamed, withTools] = await t.getSpans();
    expect(streamed?.attributes['gen_ai.usage.input_tokens']).toBe(1200);
    expect(streamed?.attributes['gen_ai.response.time_to_first_chunk']).toBeGreaterThan(0);
    expect(withTools?.attributes['tierlens.has_tools']).toBe(true);
    expect(withTools?.attributes['gen_ai.response.finish_reasons']).toEqual(['tool_calls']);
  });
});

describe('context, classification and content capture', () => {
  it('merges init, wrapper and withTierlens context; the innermost wins and tags merge', async () => {
    t = initTesting({ context: { environment: 'production', tags: { team: 'core' } } });
    const openai = wrapOpenAI(raw(), { feature: 'search', tags: { tier: 'free' } });
    await withTierlens({ endUserId: 'user-1', queryType: 'coding' }, () =>
      withTierlens({ feature: 'search-v2', tags: { experiment: 'b' } }, () => openai.chat.completions.create({ model: 'gpt-4o', messages })),
    );
    const [span] = await t.getSpans();
    expect(span?.attributes).toMatchObject({
      'tierlens.environment': 'production',
      'tierlens.feature': 'search-v2',
      'tierlens.end_user.id': 'user-1',
      'tierlens.query_type.hint': 'coding',
      'tierlens.tag.team': 'core',
      'tierlens.tag.tier': 'free',
      'tierlens.tag.experiment': 'b',
    });
  });

  it('classifies the prompt locally and sends only the query type when content capture is off', async () => {
    const seen: string[] = [];
    t = initTesting({ classify: (text) => (seen.push(text), { queryType: 'general_chat', confidence: 0.8 }) });
    await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages });
    const [span] = await t.getSpans();
    expect(seen).toEqual(['What is the weather in Paris?']);
    expect(span?.attributes).toMatchObject({ 'tierlens.query_type': 'general_chat', 'tierlens.query_type.source': 'sdk-classifier', 'tierlens.query_type.confidence': 0.8 });
    expect(Object.keys(span?.attributes ?? {}).filter((k) => k.startsWith('gen_ai.input') || k.startsWith('gen_ai.output'))).toEqual([]);
  });

  it('a throwing classify or redact never reaches the app', async () => {
    t = initTesting({ classify: () => { throw new Error('boom'); }, captureContent: 'redacted', redact: () => { throw new Error('boom'); }, onError: () => {} });
    const completion = await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages });
    expect(completion.id).toBe('chatcmpl-fake');
    expect(await t.getSpans()).toHaveLength(1);
  });

  it("captures content in the GenAI message format, through the redact function with 'redacted'", async () => {
    t = initTesting({ captureContent: 'redacted', redact: (s) => s.replace(/Paris/g, '[city]') });
    await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Be brief.' }, ...messages] });
    const [span] = await t.getSpans();
    expect(JSON.parse(span?.attributes['gen_ai.system_instructions'] as string)).toEqual([{ type: 'text', content: 'Be brief.' }]);
    expect(JSON.parse(span?.attributes['gen_ai.input.messages'] as string)).toEqual([{ role: 'user', parts: [{ type: 'text', content: 'What is the weather in [city]?' }] }]);
    expect(JSON.parse(span?.attributes['gen_ai.output.messages'] as string)).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'Hello from the fake provider.' }], finish_reason: 'stop' },
    ]);
  });

  it('captures streamed output', async () => {
    t = initTesting({ captureContent: true });
    await collect(await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages, stream: true }));
    const [span] = await t.getSpans();
    expect(JSON.parse(span?.attributes['gen_ai.output.messages'] as string)[0].parts[0].content).toBe('Hello from the fake provider.');
  });

  it('passes calls through before init() and after shutdown()', async () => {
    await shutdown();
    const completion = await wrapOpenAI(raw()).chat.completions.create({ model: 'gpt-4o', messages });
    expect(completion.id).toBe('chatcmpl-fake');
    expect(t.exporter.getFinishedSpans()).toHaveLength(0);
  });
});
