import { createRequire } from 'node:module';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { OpenAIInstrumentation } from '@opentelemetry/instrumentation-openai';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearCalls, expectCost, expectUnpricedMissingUsage, listPriceCost, storedCalls, useIngestHarness } from './harness.ts';

// The real `openai` client under the OpenTelemetry contrib `@opentelemetry/instrumentation-openai`
// (registered with `registerInstrumentations` on a NodeTracerProvider), exporting over OTLP/HTTP
// protobuf to the ingest.
//
// Patching: the instrumentation hooks `require('openai')` (require-in-the-middle), so the client
// is loaded with `require` AFTER registration, as a CommonJS app would. An ESM `import` would need
// the import-in-the-middle loader registered before `openai` is first imported, which Vitest's
// module runner does not allow.
//
// What this instrumentation reports: `gen_ai.system` "openai" (chat) or `gen_ai.provider.name`
// (Responses API), `gen_ai.usage.input_tokens`/`output_tokens` only: NO cache-read and NO
// reasoning tokens, although the fake provider reports 200 cached prompt tokens and 100 reasoning
// tokens. So the ingest stores cache read 0 / reasoning 0 and prices all 1200 input tokens at the
// full input price: an overstatement of 200 × ($2.50 − $1.25) / 1M = $0.00025 per call that
// nothing downstream can recover from these spans.

// gpt-4o public list price, USD per million tokens (openai.com/api/pricing).
const GPT_4O = { input: 2.5, cacheRead: 1.25, output: 10 };

const h = useIngestHarness();
const memory = new InMemorySpanExporter();
let tracerProvider: NodeTracerProvider;
let unregister: () => void;
let OpenAI: typeof import('openai').OpenAI;
let client: InstanceType<typeof OpenAI>;

beforeAll(() => {
  tracerProvider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'contrib-openai-app' }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${h.ingest.url}/v1/traces`, headers: { Authorization: `Bearer ${h.apiKey}` } })),
      new SimpleSpanProcessor(memory),
    ],
  });
  unregister = registerInstrumentations({ instrumentations: [new OpenAIInstrumentation()], tracerProvider });
  OpenAI = createRequire(import.meta.url)('openai').OpenAI;
  client = new OpenAI({ apiKey: 'sk-test', baseURL: `${h.provider.url}/v1` });
});
afterAll(async () => {
  unregister?.();
  await tracerProvider?.shutdown();
});
beforeEach(async () => {
  memory.reset();
  await clearCalls(h);
});

function onlySpan(): ReadableSpan {
  const spans = memory.getFinishedSpans();
  expect(spans).toHaveLength(1);
  return spans[0]!;
}

/** What the instrumentation put on the span, as far as tokens go. */
function tokenAttributes(span: ReadableSpan): Record<string, unknown> {
  return Object.fromEntries(Object.entries(span.attributes).filter(([k]) => k.startsWith('gen_ai.usage.')));
}

describe('@opentelemetry/instrumentation-openai → ingest', () => {
  it('chat completion: stores provider, models and the tokens the span has (no cache, no reasoning)', async () => {
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }] });
    expect(completion.usage).toMatchObject({ prompt_tokens: 1200, prompt_tokens_details: { cached_tokens: 200 }, completion_tokens_details: { reasoning_tokens: 100 } });

    const span = onlySpan();
    expect(span.name).toBe('chat gpt-4o');
    expect(span.attributes['gen_ai.system']).toBe('openai');
    expect(tokenAttributes(span)).toEqual({ 'gen_ai.usage.input_tokens': 1200, 'gen_ai.usage.output_tokens': 300 });
    await tracerProvider.forceFlush();

    const [call, ...rest] = await storedCalls(h);
    expect(rest).toHaveLength(0);
    expect(call).toMatchObject({
      spanId: span.spanContext().spanId,
      convention: 'otel-genai',
      provider: 'openai',
      requestModel: 'gpt-4o',
      responseModel: 'gpt-4o-2024-08-06',
      operation: 'chat',
      status: 'ok',
      inputTokens: 1200n,
      outputTokens: 300n,
      cacheReadTokens: 0n, // not reported by the instrumentation (the provider said 200)
      cacheWriteTokens: 0n,
      reasoningTokens: 0n, // not reported by the instrumentation (the provider said 100)
      usageSource: 'reported',
      finishReasons: ['stop'],
      serviceName: 'contrib-openai-app',
    });
    // All 1200 input tokens at the uncached price: $0.006 (the true bill is $0.00575).
    expectCost(call!, listPriceCost(GPT_4O, { input: 1200, output: 300 }));
  });

  it('streamed chat with include_usage: the final usage chunk is recorded', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe('Hello from the fake provider.');

    const span = onlySpan();
    expect(tokenAttributes(span)).toEqual({ 'gen_ai.usage.input_tokens': 1200, 'gen_ai.usage.output_tokens': 300 });
    await tracerProvider.forceFlush();

    const [call] = await storedCalls(h);
    expect(call).toMatchObject({
      provider: 'openai',
      requestModel: 'gpt-4o',
      responseModel: 'gpt-4o-2024-08-06',
      inputTokens: 1200n,
      outputTokens: 300n,
      cacheReadTokens: 0n,
      reasoningTokens: 0n,
      usageSource: 'reported',
      finishReasons: ['stop'],
    });
    expectCost(call!, listPriceCost(GPT_4O, { input: 1200, output: 300 }));
  });

  it('streamed chat without include_usage: usage missing, stored unpriced (not $0)', async () => {
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }], stream: true });
    for await (const _chunk of stream) {
      // drain
    }
    expect(tokenAttributes(onlySpan())).toEqual({});
    await tracerProvider.forceFlush();

    const [call] = await storedCalls(h);
    expect(call).toMatchObject({ convention: 'otel-genai', provider: 'openai', requestModel: 'gpt-4o', responseModel: 'gpt-4o-2024-08-06' });
    expectUnpricedMissingUsage(call!);
  });

  it('Responses API: gen_ai.provider.name, input/output tokens only', async () => {
    const response = await client.responses.create({ model: 'gpt-4o', input: 'Hello' });
    expect(response.usage).toMatchObject({ input_tokens: 1200, input_tokens_details: { cached_tokens: 200 } });

    const span = onlySpan();
    expect(span.attributes['gen_ai.provider.name']).toBe('openai');
    expect(tokenAttributes(span)).toEqual({ 'gen_ai.usage.input_tokens': 1200, 'gen_ai.usage.output_tokens': 300 });
    await tracerProvider.forceFlush();

    const [call] = await storedCalls(h);
    expect(call).toMatchObject({
      convention: 'otel-genai',
      provider: 'openai',
      requestModel: 'gpt-4o',
      responseModel: 'gpt-4o-2024-08-06',
      inputTokens: 1200n,
      outputTokens: 300n,
      cacheReadTokens: 0n,
      reasoningTokens: 0n,
      usageSource: 'reported',
    });
    expectCost(call!, listPriceCost(GPT_4O, { input: 1200, output: 300 }));
  });
});
