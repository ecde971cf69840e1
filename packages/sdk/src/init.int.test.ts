import { BasicTracerProvider, InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../../../test/support/fake-provider.js';
import { startOtlpCapture, type OtlpCapture } from '../test/otlp-capture.js';
import { TierlensSpanProcessor } from './batch-processor.js';
import { flush, getStats, init, shutdown } from './init.js';
import { withFlush } from './with-flush.js';
import { wrapOpenAI } from './wrap-openai.js';

let provider: FakeProvider;
let ingest: OtlpCapture;

beforeAll(async () => {
  [provider, ingest] = await Promise.all([startFakeProvider(), startOtlpCapture()]);
});
afterAll(async () => {
  await shutdown();
  await Promise.all([provider.close(), ingest.close()]);
});
afterEach(async () => {
  await shutdown();
  ingest.requests.length = 0;
  ingest.setMode({ kind: 'ok' });
});

const client = () => new OpenAI({ baseURL: `${provider.url}/v1`, apiKey: 'sk-test', maxRetries: 0 });

describe('init + wrapOpenAI exporting OTLP protobuf', () => {
  it('exports one span per chat completion, with usage, to ${endpoint}/v1/traces with the API key', async () => {
    const t = init({ apiKey: 'tl_test_key', endpoint: ingest.url, serviceName: 'demo-app' });
    expect(t.enabled).toBe(true);
    const openai = wrapOpenAI(client());
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 100,
      temperature: 0.2,
    });
    expect(completion.choices[0]?.message.content).toBe('Hello from the fake provider.');
    await flush();

    expect(ingest.requests).toHaveLength(1);
    const req = ingest.requests[0]!;
    expect(req.path).toBe('/v1/traces');
    expect(req.headers['content-type']).toBe('application/x-protobuf');
    expect(req.headers.authorization).toBe('Bearer tl_test_key');
    const [span] = req.spans;
    expect(span?.name).toBe('chat gpt-4o');
    expect(span?.kind).toBe(3); // SPAN_KIND_CLIENT in OTLP
    expect(span?.scope).toBe('@tierlens/sdk');
    expect(span?.resource['service.name']).toBe('demo-app');
    expect(span?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.request.max_tokens': 100,
      'gen_ai.request.temperature': 0.2,
      'gen_ai.request.stream': false,
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
      'gen_ai.response.id': 'chatcmpl-fake',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 300,
      'gen_ai.usage.cache_read.input_tokens': 200,
      'gen_ai.usage.reasoning.output_tokens': 100,
      'server.address': '127.0.0.1',
    });
    expect(getStats()).toMatchObject({ exported: 1, dropped: 0, failed: 0, queued: 0 });
  });

  it('is a no-op without an API key: calls pass through and nothing is exported', async () => {
    const saved = process.env.TIERLENS_API_KEY;
    delete process.env.TIERLENS_API_KEY;
    try {
      const t = init({ endpoint: ingest.url });
      expect(t.enabled).toBe(false);
      const completion = await wrapOpenAI(client()).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
      expect(completion.id).toBe('chatcmpl-fake');
      await flush();
      expect(ingest.requests).toHaveLength(0);
      expect(getStats().exported).toBe(0);
    } finally {
      if (saved !== undefined) process.env.TIERLENS_API_KEY = saved;
    }
  });

  it('flush() and shutdown() are idempotent and calls after shutdown pass through', async () => {
    const t = init({ apiKey: 'k', endpoint: ingest.url });
    const openai = wrapOpenAI(client());
    await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    await Promise.all([t.flush(), t.flush()]);
    await Promise.all([t.shutdown(), t.shutdown(), shutdown()]);
    await t.flush();
    await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    await flush();
    expect(ingest.spans()).toHaveLength(1);
  });

  it("works alongside an app's own tracer provider through TierlensSpanProcessor", async () => {
    const appExporter = new InMemorySpanExporter();
    const processor = new TierlensSpanProcessor({ apiKey: 'tl_app', endpoint: ingest.url });
    const appProvider = new BasicTracerProvider({
      spanProcessors: [processor, { onStart() {}, onEnd: (s) => appExporter.export([s], () => {}), forceFlush: async () => {}, shutdown: async () => {} }],
    });
    const t = init({ tracerProvider: appProvider, spanProcessor: processor });
    expect(t.tracerProvider).toBe(appProvider);
    appProvider.getTracer('app').startSpan('GET /search').end();
    await wrapOpenAI(client()).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    await flush();
    // The app's own pipeline sees both spans; Tierlens receives only the LLM call.
    expect(appExporter.getFinishedSpans().map((s) => s.name)).toEqual(['GET /search', 'chat gpt-4o']);
    expect(ingest.spans().map((s) => s.name)).toEqual(['chat gpt-4o']);
    expect(getStats().exported).toBe(1);
    await shutdown();
    // Tierlens's shutdown leaves the app's provider and processor running.
    appProvider.getTracer('app').startSpan('chat later', { attributes: { 'gen_ai.operation.name': 'chat' } }).end();
    await processor.forceFlush();
    expect(ingest.spans().map((s) => s.name)).toEqual(['chat gpt-4o', 'chat later']);
    await processor.shutdown();
  });

  it('invalid options never throw: init returns a disabled handle and reports the problem', async () => {
    const problems: string[] = [];
    const t = init({ apiKey: 'k', endpoint: 'not a url', onError: (_e: unknown, where: string) => problems.push(where) } as never);
    expect(t.enabled).toBe(false);
    const completion = await wrapOpenAI(client()).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    expect(completion.id).toBe('chatcmpl-fake');
    expect(problems.length).toBeGreaterThan(0);
  });

  it('withFlush: the spans are exported before the handler returns; its errors pass through unchanged', async () => {
    init({ apiKey: 'k', endpoint: ingest.url, scheduledDelayMillis: 60_000 });
    const openai = wrapOpenAI(client());
    const handler = withFlush(async (model: string) => (await openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Hi' }] })).id);
    expect(await handler('gpt-4o')).toBe('chatcmpl-fake');
    expect(ingest.spans()).toHaveLength(1);
    const error = await handler('fail-500').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.InternalServerError);
    expect(ingest.spans()).toHaveLength(2);
  });
});
