import { context, SpanKind, trace, type Tracer } from '@opentelemetry/api';
import { OTLPTraceExporter as OtlpHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { BasicTracerProvider, BatchSpanProcessor, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../support/fake-provider.ts';
import { expectCost, listPriceCost, storedCalls, useIngestHarness } from './harness.ts';

// The official OTLP/HTTP exporters (protobuf and JSON) sending GenAI spans that an app made by
// hand (BasicTracerProvider, no instrumentation library) around real HTTP calls to the fake
// provider, with `Authorization: Bearer <key>`. The spans carry the provider's usage in OTel
// GenAI terms: `gen_ai.usage.input_tokens` INCLUDES cache reads and writes, output includes
// reasoning.

// Public list prices, USD per million tokens (openai.com/api/pricing, anthropic.com/pricing):
const GPT_4O = { input: 2.5, cacheRead: 1.25, output: 10 };
const GPT_4O_MINI = { input: 0.15, cacheRead: 0.075, output: 0.6 };
// Claude Sonnet 4.5: cache reads 0.1× input, 5-minute cache writes 1.25× input.
const CLAUDE_SONNET_4_5 = { input: 3, cacheRead: 0.3, cacheWrite: 3.75, output: 15 };

const h = useIngestHarness();
/** A second provider with other counts, so that no number is right by coincidence. */
let bigProvider: FakeProvider;
beforeAll(async () => {
  bigProvider = await startFakeProvider({ usage: { openai: { input: 5000, cached: 1500, output: 800, reasoning: 600 } } });
});
afterAll(async () => {
  await bigProvider?.close();
});

interface GenAiAttributeNames {
  provider: 'gen_ai.provider.name' | 'gen_ai.system';
  cacheWrite: 'gen_ai.usage.cache_write.input_tokens' | 'gen_ai.usage.cache_creation.input_tokens';
}

const CURRENT: GenAiAttributeNames = { provider: 'gen_ai.provider.name', cacheWrite: 'gen_ai.usage.cache_write.input_tokens' };
const OLDER: GenAiAttributeNames = { provider: 'gen_ai.system', cacheWrite: 'gen_ai.usage.cache_creation.input_tokens' };

/** Calls the fake OpenAI chat endpoint with fetch inside a hand-made `chat {model}` span. */
async function tracedOpenAIChat(tracer: Tracer, baseUrl: string, model: string, names: GenAiAttributeNames, parent = context.active()) {
  const span = tracer.startSpan(
    `chat ${model}`,
    {
      kind: SpanKind.CLIENT,
      attributes: { 'gen_ai.operation.name': 'chat', [names.provider]: 'openai', 'gen_ai.request.model': model, 'server.address': '127.0.0.1' },
    },
    parent,
  );
  const res = await fetch(`${baseUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Summarise this invoice.' }] }),
  });
  const body = (await res.json()) as any;
  span.setAttributes({
    'gen_ai.response.id': body.id,
    'gen_ai.response.model': body.model,
    'gen_ai.response.finish_reasons': body.choices.map((c: any) => c.finish_reason),
    'gen_ai.usage.input_tokens': body.usage.prompt_tokens,
    'gen_ai.usage.output_tokens': body.usage.completion_tokens,
    'gen_ai.usage.cache_read.input_tokens': body.usage.prompt_tokens_details.cached_tokens,
    'gen_ai.usage.reasoning.output_tokens': body.usage.completion_tokens_details.reasoning_tokens,
  });
  span.end();
  return { span, body };
}

/** Calls the fake Anthropic messages endpoint inside a hand-made `chat {model}` span. */
async function tracedAnthropicChat(tracer: Tracer, baseUrl: string, model: string, names: GenAiAttributeNames, parent = context.active()) {
  const span = tracer.startSpan(
    `chat ${model}`,
    { kind: SpanKind.CLIENT, attributes: { 'gen_ai.operation.name': 'chat', [names.provider]: 'anthropic', 'gen_ai.request.model': model } },
    parent,
  );
  const res = await fetch(`${baseUrl}/v1/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model, max_tokens: 1024, messages: [{ role: 'user', content: 'Summarise this invoice.' }] }),
  });
  const body = (await res.json()) as any;
  const u = body.usage;
  span.setAttributes({
    'gen_ai.response.id': body.id,
    'gen_ai.response.model': body.model,
    'gen_ai.response.finish_reasons': [body.stop_reason],
    // Anthropic's input_tokens exclude the cache; the GenAI convention's input includes it.
    'gen_ai.usage.input_tokens': u.input_tokens + u.cache_read_input_tokens + u.cache_creation_input_tokens,
    'gen_ai.usage.output_tokens': u.output_tokens,
    'gen_ai.usage.cache_read.input_tokens': u.cache_read_input_tokens,
    [names.cacheWrite]: u.cache_creation_input_tokens,
  });
  span.end();
  return { span, body };
}

describe('official OTLP exporters → ingest', () => {
  it('protobuf exporter (BatchSpanProcessor): stores each LLM span with its tokens and cost, skips the app span around them', async () => {
    const exporter = new OtlpProtoExporter({ url: `${h.ingest.url}/v1/traces`, headers: { Authorization: `Bearer ${h.apiKey}` } });
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'otlp-proto-app' }),
      spanProcessors: [new BatchSpanProcessor(exporter)],
    });
    try {
      const tracer = provider.getTracer('invoice-app');
      // An app span (no gen_ai attributes) with the two LLM calls inside it.
      const request = tracer.startSpan('POST /invoices/summary', { kind: SpanKind.SERVER });
      const inRequest = trace.setSpan(context.active(), request);
      const openai = await tracedOpenAIChat(tracer, h.provider.url, 'gpt-4o', CURRENT, inRequest);
      const anthropic = await tracedAnthropicChat(tracer, h.provider.url, 'claude-sonnet-4-5', CURRENT, inRequest);
      request.end();
      await provider.forceFlush();

      const traceId = request.spanContext().traceId;
      const calls = await storedCalls(h, traceId);
      expect(calls).toHaveLength(2);
      const gpt = calls.find((c) => c.spanId === openai.span.spanContext().spanId)!;
      const claude = calls.find((c) => c.spanId === anthropic.span.spanContext().spanId)!;

      // OpenAI: 1200 prompt tokens (200 cached), 300 completion tokens (100 reasoning).
      expect(gpt).toMatchObject({
        parentSpanId: request.spanContext().spanId,
        convention: 'otel-genai',
        provider: 'openai',
        requestModel: 'gpt-4o',
        responseModel: 'gpt-4o-2024-08-06',
        model: 'gpt-4o-2024-08-06',
        operation: 'chat',
        status: 'ok',
        inputTokens: 1200n,
        outputTokens: 300n,
        cacheReadTokens: 200n,
        cacheWriteTokens: 0n,
        reasoningTokens: 100n,
        usageSource: 'reported',
        serviceName: 'otlp-proto-app',
        finishReasons: ['stop'],
      });
      expectCost(gpt, listPriceCost(GPT_4O, { input: 1200, cacheRead: 200, output: 300 })); // $0.00575

      // Anthropic: input_tokens 800 + 200 cache reads + 200 cache writes = 1200, 300 output.
      expect(claude).toMatchObject({
        convention: 'otel-genai',
        provider: 'anthropic',
        requestModel: 'claude-sonnet-4-5',
        responseModel: 'claude-sonnet-4-5-20250101',
        inputTokens: 1200n,
        outputTokens: 300n,
        cacheReadTokens: 200n,
        cacheWriteTokens: 200n,
        reasoningTokens: 0n,
        usageSource: 'reported',
        finishReasons: ['end_turn'],
      });
      expectCost(claude, listPriceCost(CLAUDE_SONNET_4_5, { input: 1200, cacheRead: 200, cacheWrite: 200, output: 300 })); // $0.00771
    } finally {
      await provider.shutdown();
    }
  });

  it('JSON exporter (SimpleSpanProcessor) with the older attribute names (gen_ai.system, cache_creation)', async () => {
    const exporter = new OtlpHttpJsonExporter({ url: `${h.ingest.url}/v1/traces`, headers: { Authorization: `Bearer ${h.apiKey}` } });
    const provider = new BasicTracerProvider({
      resource: resourceFromAttributes({ 'service.name': 'otlp-json-app' }),
      spanProcessors: [new SimpleSpanProcessor(exporter)],
    });
    try {
      const tracer = provider.getTracer('invoice-app');
      // 5000 prompt tokens (1500 cached) and 800 completion tokens (600 reasoning).
      const openai = await tracedOpenAIChat(tracer, bigProvider.url, 'gpt-4o-mini', OLDER);
      const anthropic = await tracedAnthropicChat(tracer, h.provider.url, 'claude-sonnet-4-5', OLDER);
      expect(openai.body.usage.prompt_tokens).toBe(5000);
      await provider.forceFlush();

      const [mini] = await storedCalls(h, openai.span.spanContext().traceId);
      expect(mini).toMatchObject({
        convention: 'otel-genai',
        provider: 'openai',
        requestModel: 'gpt-4o-mini',
        responseModel: 'gpt-4o-mini-2024-08-06',
        parentSpanId: null,
        inputTokens: 5000n,
        outputTokens: 800n,
        cacheReadTokens: 1500n,
        cacheWriteTokens: 0n,
        reasoningTokens: 600n,
        usageSource: 'reported',
        serviceName: 'otlp-json-app',
      });
      // The response model `gpt-4o-mini-2024-08-06` is not a real snapshot name; it is priced as gpt-4o-mini.
      expectCost(mini!, listPriceCost(GPT_4O_MINI, { input: 5000, cacheRead: 1500, output: 800 })); // $0.0011175

      const [claude] = await storedCalls(h, anthropic.span.spanContext().traceId);
      expect(claude).toMatchObject({
        provider: 'anthropic',
        inputTokens: 1200n,
        outputTokens: 300n,
        cacheReadTokens: 200n,
        cacheWriteTokens: 200n,
        usageSource: 'reported',
      });
      expectCost(claude!, listPriceCost(CLAUDE_SONNET_4_5, { input: 1200, cacheRead: 200, cacheWrite: 200, output: 300 }));
    } finally {
      await provider.shutdown();
    }
  });

  it('a wrong key is refused with 401 and nothing is stored', async () => {
    const memory = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(memory)] });
    const { span } = await tracedOpenAIChat(provider.getTracer('invoice-app'), h.provider.url, 'gpt-4o', CURRENT);
    const exporter = new OtlpProtoExporter({ url: `${h.ingest.url}/v1/traces`, headers: { Authorization: 'Bearer tl_not_a_key' } });
    const result = await new Promise<ExportResult>((resolve) => exporter.export(memory.getFinishedSpans(), resolve));
    expect(result.code).toBe(ExportResultCode.FAILED);
    expect(result.error).toMatchObject({ name: 'OTLPExporterError', code: 401 });
    await exporter.shutdown();
    await provider.shutdown();
    expect(await storedCalls(h, span.spanContext().traceId)).toHaveLength(0);
  });
});
