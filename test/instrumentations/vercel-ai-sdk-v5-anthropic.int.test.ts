import { createAnthropic } from '@ai-sdk/anthropic';
import { context, propagation, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { generateText } from 'ai-v5';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearCalls, expectCost, listPriceCost, storedCalls, useIngestHarness } from './harness.ts';

// The Vercel AI SDK v5 (`ai@5`, installed as `ai-v5`) with `@ai-sdk/anthropic@2`, pointed at the
// fake provider's Anthropic Messages API, `experimental_telemetry` on, exporting OTLP protobuf.
//
// What v5 sends on the `ai.generateText.doGenerate` span for Anthropic: `ai.usage.promptTokens`
// = Anthropic's `input_tokens` (800, WITHOUT the cache), `ai.usage.completionTokens`, and the
// cache reads ONLY inside `ai.response.providerMetadata`, as Anthropic's raw usage object:
// `{"anthropic":{"usage":{"cache_read_input_tokens":200,"cache_creation_input_tokens":200,…},
// "cacheCreationInputTokens":200,…}}`. No `ai.usage.cachedInputTokens` on this span.

// claude-sonnet-4-5 public list price, USD per million tokens (anthropic.com/pricing).
const CLAUDE_SONNET_4_5 = { input: 3, cacheRead: 0.3, cacheWrite: 3.75, output: 15 };

const h = useIngestHarness();
const memory = new InMemorySpanExporter();
let tracerProvider: NodeTracerProvider;
let tracer: Tracer;

beforeAll(() => {
  tracerProvider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'ai-sdk-v5-app' }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${h.ingest.url}/v1/traces`, headers: { Authorization: `Bearer ${h.apiKey}` } })),
      new SimpleSpanProcessor(memory),
    ],
  });
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

const spanNamed = (name: string): ReadableSpan[] => memory.getFinishedSpans().filter((s) => s.name === name);

describe('Vercel AI SDK v5 + @ai-sdk/anthropic → ingest', () => {
  it('generateText: cache reads and writes found only in ai.response.providerMetadata are stored and priced', async () => {
    const anthropic = createAnthropic({ baseURL: `${h.provider.url}/v1`, apiKey: 'sk-ant-test' });
    const result = await generateText({
      model: anthropic('claude-sonnet-4-5'),
      prompt: 'Summarise this invoice.',
      experimental_telemetry: { isEnabled: true, tracer },
    });
    expect(result.text).toBe('Hello from the fake provider.');

    // What the real library put on the span (the test's premise).
    const [doGenerate] = spanNamed('ai.generateText.doGenerate');
    const attrs = doGenerate!.attributes;
    expect(attrs).toMatchObject({ 'ai.model.provider': 'anthropic.messages', 'ai.usage.promptTokens': 800, 'ai.usage.completionTokens': 300 });
    expect(attrs['ai.usage.cachedInputTokens']).toBeUndefined();
    const metadata = JSON.parse(String(attrs['ai.response.providerMetadata']));
    expect(metadata.anthropic.usage).toMatchObject({ cache_read_input_tokens: 200, cache_creation_input_tokens: 200 });
    expect(metadata.anthropic.cacheReadInputTokens).toBeUndefined();
    await tracerProvider.forceFlush();

    const calls = await storedCalls(h);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      convention: 'vercel-ai',
      provider: 'anthropic',
      requestModel: 'claude-sonnet-4-5',
      spanId: doGenerate!.spanContext().spanId,
      inputTokens: 1200n, // 800 + 200 cache reads + 200 cache writes
      cacheReadTokens: 200n,
      cacheWriteTokens: 200n,
      outputTokens: 300n,
      usageSource: 'reported',
    });
    expectCost(calls[0]!, listPriceCost(CLAUDE_SONNET_4_5, { input: 1200, cacheRead: 200, cacheWrite: 200, output: 300 })); // $0.00771
  });
});
