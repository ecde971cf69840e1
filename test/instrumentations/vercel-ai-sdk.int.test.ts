import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { generateText, stepCountIs, streamText, tool } from 'ai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clearCalls, expectCost, expectUnpricedMissingUsage, listPriceCost, storedCalls, useIngestHarness, waitFor } from './harness.ts';

// The Vercel AI SDK 6 (`ai`) with `@ai-sdk/openai-compatible` pointed at the fake provider,
// `experimental_telemetry: { isEnabled: true, tracer }`, exporting over OTLP/HTTP protobuf.
//
// What it emits per call: a root span `ai.generateText` / `ai.streamText` (usage summed over all
// steps) and one `ai.generateText.doGenerate` / `ai.streamText.doStream` span per model call,
// both with `ai.usage.inputTokens` (INCLUDING cache), `ai.usage.inputTokenDetails.{noCacheTokens,
// cacheReadTokens,cacheWriteTokens}`, `ai.usage.outputTokens` (including reasoning),
// `ai.usage.outputTokenDetails.reasoningTokens`, `ai.model.provider` "<name>.chat", `ai.model.id`,
// `ai.response.model`. Only the per-call spans may be priced: the root repeats their usage.
// The provider is named "openai" here (→ `openai.chat`), as an app using an OpenAI-compatible
// gateway for OpenAI models would; another name would make the provider unknown to the price list.

// gpt-4o public list price, USD per million tokens (openai.com/api/pricing).
const GPT_4O = { input: 2.5, cacheRead: 1.25, output: 10 };

const h = useIngestHarness();
const memory = new InMemorySpanExporter();
let tracerProvider: NodeTracerProvider;
let tracer: Tracer;

beforeAll(() => {
  tracerProvider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'ai-sdk-app' }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${h.ingest.url}/v1/traces`, headers: { Authorization: `Bearer ${h.apiKey}` } })),
      new SimpleSpanProcessor(memory),
    ],
  });
  // Registers the async-hooks context manager, so that per-call spans are children of the root.
  tracerProvider.register();
  tracer = tracerProvider.getTracer('ai');
});
afterAll(async () => {
  await tracerProvider?.shutdown();
  trace.disable();
  context.disable();
  propagation.disable();
});
beforeEach(async () => {
  memory.reset();
  await clearCalls(h);
});

function provider(includeUsage = true) {
  return createOpenAICompatible({ name: 'openai', baseURL: `${h.provider.url}/v1`, apiKey: 'sk-test', includeUsage });
}

const spanNamed = (name: string): ReadableSpan[] => memory.getFinishedSpans().filter((s) => s.name === name);

const FULL_USAGE_ATTRIBUTES = {
  'ai.usage.inputTokens': 1200,
  'ai.usage.inputTokenDetails.noCacheTokens': 1000,
  'ai.usage.inputTokenDetails.cacheReadTokens': 200,
  'ai.usage.outputTokens': 300,
  'ai.usage.outputTokenDetails.reasoningTokens': 100,
};

const FULL_USAGE_ROW = {
  convention: 'vercel-ai',
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
  serviceName: 'ai-sdk-app',
};

describe('Vercel AI SDK 6 telemetry → ingest', () => {
  it('generateText: exactly one stored call, from doGenerate (the ai.generateText root is skipped)', async () => {
    const result = await generateText({
      model: provider().chatModel('gpt-4o'),
      prompt: 'Write a haiku about invoices.',
      experimental_telemetry: { isEnabled: true, tracer },
    });
    expect(result.text).toBe('Hello from the fake provider.');
    expect(result.usage).toMatchObject({ inputTokens: 1200, outputTokens: 300 });

    const [root] = spanNamed('ai.generateText');
    const [doGenerate] = spanNamed('ai.generateText.doGenerate');
    expect(root!.attributes).toMatchObject({ 'ai.operationId': 'ai.generateText', 'ai.usage.inputTokens': 1200 });
    expect(doGenerate!.attributes).toMatchObject({ ...FULL_USAGE_ATTRIBUTES, 'ai.model.provider': 'openai.chat', 'ai.model.id': 'gpt-4o' });
    await tracerProvider.forceFlush();

    const calls = await storedCalls(h);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      ...FULL_USAGE_ROW,
      spanId: doGenerate!.spanContext().spanId,
      parentSpanId: root!.spanContext().spanId,
      finishReasons: ['stop'],
      completionContent: 'Hello from the fake provider.',
    });
    expect(calls[0]!.promptContent).toContain('haiku');
    expectCost(calls[0]!, listPriceCost(GPT_4O, { input: 1200, cacheRead: 200, output: 300 })); // $0.00575
  });

  it('streamText (includeUsage): exactly one stored call, from doStream', async () => {
    const result = streamText({
      model: provider().chatModel('gpt-4o'),
      prompt: 'Write a haiku about invoices.',
      experimental_telemetry: { isEnabled: true, tracer },
    });
    expect(await result.text).toBe('Hello from the fake provider.');
    await waitFor(() => spanNamed('ai.streamText').length === 1, 'the ai.streamText root span');

    const [root] = spanNamed('ai.streamText');
    const [doStream] = spanNamed('ai.streamText.doStream');
    expect(doStream!.attributes).toMatchObject(FULL_USAGE_ATTRIBUTES);
    expect(doStream!.attributes['ai.response.msToFirstChunk']).toEqual(expect.any(Number));
    await tracerProvider.forceFlush();

    const calls = await storedCalls(h);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ ...FULL_USAGE_ROW, spanId: doStream!.spanContext().spanId, parentSpanId: root!.spanContext().spanId });
    expect(calls[0]!.timeToFirstTokenMs).toEqual(expect.any(Number));
    expectCost(calls[0]!, listPriceCost(GPT_4O, { input: 1200, cacheRead: 200, output: 300 }));
  });

  it('streamText without includeUsage: the stream has no usage → stored as missing, no cost', async () => {
    const result = streamText({
      model: provider(false).chatModel('gpt-4o'),
      prompt: 'Hello',
      experimental_telemetry: { isEnabled: true, tracer },
    });
    await result.text;
    await waitFor(() => spanNamed('ai.streamText').length === 1, 'the ai.streamText root span');
    const [doStream] = spanNamed('ai.streamText.doStream');
    expect(doStream!.attributes['ai.usage.inputTokens']).toBeUndefined();
    await tracerProvider.forceFlush();

    const calls = await storedCalls(h);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ convention: 'vercel-ai', provider: 'openai', requestModel: 'gpt-4o' });
    expectUnpricedMissingUsage(calls[0]!);
  });

  it('a two-step tool loop stores one call per model call, never the root that sums them', async () => {
    const result = await generateText({
      model: provider().chatModel('gpt-4o'),
      prompt: 'What is the weather in Paris?',
      tools: {
        weather: tool({
          description: 'Current weather in a city',
          inputSchema: z.object({ city: z.string() }),
          execute: async ({ city }) => ({ city, celsius: 21 }),
        }),
      },
      stopWhen: stepCountIs(2),
      experimental_telemetry: { isEnabled: true, tracer },
    });
    expect(result.steps).toHaveLength(2);
    expect(spanNamed('ai.generateText')[0]!.attributes['ai.usage.inputTokens']).toBe(2400); // both steps
    const perCall = spanNamed('ai.generateText.doGenerate');
    expect(perCall).toHaveLength(2);
    await tracerProvider.forceFlush();

    const calls = await storedCalls(h);
    expect(calls.map((c) => c.spanId).sort()).toEqual(perCall.map((s) => s.spanContext().spanId).sort());
    for (const call of calls) {
      expect(call).toMatchObject({ ...FULL_USAGE_ROW, finishReasons: ['tool-calls'] });
      expect(call.queryType).toBe('agentic'); // tools were sent
      expectCost(call, listPriceCost(GPT_4O, { input: 1200, cacheRead: 200, output: 300 }));
    }
  });

  it('a failed call is stored as an error with no usage and no cost', async () => {
    await expect(
      generateText({
        model: provider().chatModel('fail-500'),
        prompt: 'Hello',
        maxRetries: 0,
        experimental_telemetry: { isEnabled: true, tracer },
      }),
    ).rejects.toThrow();
    await waitFor(() => spanNamed('ai.generateText').length === 1, 'the ai.generateText root span');
    await tracerProvider.forceFlush();

    const calls = await storedCalls(h);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ convention: 'vercel-ai', provider: 'openai', requestModel: 'fail-500', status: 'error' });
    expect(calls[0]!.errorType).toBeTruthy();
    expectUnpricedMissingUsage(calls[0]!);
  });
});
