import { OpenAIInstrumentation } from '@arizeai/openinference-instrumentation-openai';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearCalls, expectCost, expectUnpricedMissingUsage, listPriceCost, storedCalls, useIngestHarness, waitFor } from './harness.ts';

// The real `openai` client (ESM import) under OpenInference's
// `@arizeai/openinference-instrumentation-openai`, patched with `manuallyInstrument(OpenAI)` (its
// documented way for ESM, where the require hook never sees the module), exporting over OTLP/HTTP
// protobuf to the ingest.
//
// What it reports: `openinference.span.kind` LLM, `llm.system` "openai", `llm.model_name` (the
// request model, overwritten by the response's model on non-streamed calls),
// `llm.invocation_parameters` (JSON with the request model), `llm.token_count.{prompt,completion,
// total}` with `prompt_details.cache_read` and `completion_details.reasoning`: the prompt count
// INCLUDES the cache reads. Streamed chat completions carry NO token counts at all (even with
// `stream_options.include_usage`): those calls are stored with usage 'missing' and no cost.
// `llm.provider` is only set for known hosts (api.openai.com, azure, ...), so not here.

// gpt-4o public list price, USD per million tokens (openai.com/api/pricing).
const GPT_4O = { input: 2.5, cacheRead: 1.25, output: 10 };

const h = useIngestHarness();
const memory = new InMemorySpanExporter();
let tracerProvider: NodeTracerProvider;
let instrumentation: OpenAIInstrumentation;
let client: OpenAI;

beforeAll(() => {
  tracerProvider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'openinference-app' }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${h.ingest.url}/v1/traces`, headers: { Authorization: `Bearer ${h.apiKey}` } })),
      new SimpleSpanProcessor(memory),
    ],
  });
  instrumentation = new OpenAIInstrumentation({ tracerProvider });
  instrumentation.manuallyInstrument(OpenAI);
  client = new OpenAI({ apiKey: 'sk-test', baseURL: `${h.provider.url}/v1` });
});
afterAll(async () => {
  instrumentation?.disable();
  await tracerProvider?.shutdown();
});
beforeEach(async () => {
  memory.reset();
  await clearCalls(h);
});

/** Waits for the instrumentation's one span (streamed calls end it after the stream is consumed). */
async function onlySpan(): Promise<ReadableSpan> {
  await waitFor(() => memory.getFinishedSpans().length > 0, 'the OpenInference span');
  const spans = memory.getFinishedSpans();
  expect(spans).toHaveLength(1);
  return spans[0]!;
}

function tokenAttributes(span: ReadableSpan): Record<string, unknown> {
  return Object.fromEntries(Object.entries(span.attributes).filter(([k]) => k.startsWith('llm.token_count.')));
}

const FULL_USAGE_ATTRIBUTES = {
  'llm.token_count.prompt': 1200,
  'llm.token_count.completion': 300,
  'llm.token_count.total': 1500,
  'llm.token_count.prompt_details.cache_read': 200,
  'llm.token_count.completion_details.reasoning': 100,
};

const FULL_USAGE_ROW = {
  convention: 'openinference',
  provider: 'openai',
  requestModel: 'gpt-4o',
  responseModel: 'gpt-4o-2024-08-06',
  operation: 'chat',
  status: 'ok',
  inputTokens: 1200n,
  outputTokens: 300n,
  cacheReadTokens: 200n,
  cacheWriteTokens: 0n,
  reasoningTokens: 100n,
  usageSource: 'reported',
  serviceName: 'openinference-app',
};

describe('OpenInference OpenAI instrumentation → ingest', () => {
  it('chat completion: provider, request/response model, tokens with cache read and reasoning, cost', async () => {
    await client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }] });
    const span = await onlySpan();
    expect(span.name).toBe('OpenAI Chat Completions');
    expect(span.attributes).toMatchObject({ 'openinference.span.kind': 'LLM', 'llm.system': 'openai', 'llm.model_name': 'gpt-4o-2024-08-06' });
    expect(span.attributes['llm.provider']).toBeUndefined();
    expect(tokenAttributes(span)).toMatchObject(FULL_USAGE_ATTRIBUTES);
    await tracerProvider.forceFlush();

    const calls = await storedCalls(h);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ ...FULL_USAGE_ROW, spanId: span.spanContext().spanId, finishReasons: ['stop'] });
    expect(calls[0]!.promptContent).toContain('Hello');
    expect(calls[0]!.completionContent).toBe('Hello from the fake provider.');
    expectCost(calls[0]!, listPriceCost(GPT_4O, { input: 1200, cacheRead: 200, output: 300 })); // $0.00575
  });

  it('streamed chat completion: the span has no token counts → usage missing, no cost', async () => {
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hello' }],
      stream: true,
      stream_options: { include_usage: true },
    });
    let sawUsage = false;
    for await (const chunk of stream) if (chunk.usage) sawUsage = true;
    expect(sawUsage).toBe(true); // the provider sent usage; the instrumentation drops it

    const span = await onlySpan();
    expect(tokenAttributes(span)).toEqual({});
    await tracerProvider.forceFlush();

    const [call] = await storedCalls(h);
    // `llm.model_name` keeps the request model on streamed calls, so it is stored as both.
    expect(call).toMatchObject({ convention: 'openinference', provider: 'openai', requestModel: 'gpt-4o', responseModel: 'gpt-4o' });
    expect(call!.completionContent).toBe('Hello from the fake provider.');
    expectUnpricedMissingUsage(call!);
  });

  it('Responses API, plain and streamed: both carry the full usage', async () => {
    await client.responses.create({ model: 'gpt-4o', input: 'Hello' });
    const plain = await onlySpan();
    expect(plain.name).toBe('OpenAI Responses');
    expect(tokenAttributes(plain)).toMatchObject(FULL_USAGE_ATTRIBUTES);

    memory.reset();
    const stream = await client.responses.create({ model: 'gpt-4o', input: 'Hello', stream: true });
    for await (const _event of stream) {
      // drain
    }
    const streamed = await onlySpan();
    expect(tokenAttributes(streamed)).toMatchObject(FULL_USAGE_ATTRIBUTES);
    await tracerProvider.forceFlush();

    const calls = await storedCalls(h);
    expect(calls.map((c) => c.spanId).sort()).toEqual([plain.spanContext().spanId, streamed.spanContext().spanId].sort());
    for (const call of calls) {
      expect(call).toMatchObject(FULL_USAGE_ROW);
      expectCost(call, listPriceCost(GPT_4O, { input: 1200, cacheRead: 200, output: 300 }));
    }
  });
});
