import Anthropic from '@anthropic-ai/sdk';
import { LangfuseSpanProcessor } from '@langfuse/otel';
import { setLangfuseTracerProvider, startObservation } from '@langfuse/tracing';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { clearCalls, expectCost, listPriceCost, storedCalls, useIngestHarness } from './harness.ts';

// Langfuse SDK v5: `@langfuse/otel`'s LangfuseSpanProcessor with `baseUrl` pointed at the ingest
// (it posts OTLP/HTTP JSON to `/api/public/otel/v1/traces` with `Authorization: Basic
// base64(publicKey:secretKey)`; the project's API key is the secret key), and `@langfuse/tracing`
// generations around real `openai` calls to the fake provider.
//
// What Langfuse emits: `langfuse.observation.type` generation, `langfuse.observation.model.name`,
// `langfuse.observation.usage_details` / `.cost_details` as JSON strings, and
// `langfuse.observation.completion_start_time`. No provider attribute and no response model.
// Usage semantics: in Langfuse's own usage keys (as its OpenAI integration writes them) `input`
// EXCLUDES cache reads and `output` EXCLUDES reasoning: 1200 prompt tokens with 200 cached and 300
// completion tokens with 100 reasoning become {"input":1000,"input_cached_tokens":200,
// "output":200,"output_reasoning_tokens":100}. The ingest adds them back. A cost the app reports
// (`cost_details`) is kept in `reported_cost_usd`, next to the ingest's own price.

// Public list prices, USD per million tokens (openai.com/api/pricing, anthropic.com/pricing):
const GPT_4O = { input: 2.5, cacheRead: 1.25, output: 10 };
// Claude Haiku 4.5: cache reads 0.1× input, 5-minute cache writes 1.25× input.
const CLAUDE_HAIKU_4_5 = { input: 1, cacheRead: 0.1, cacheWrite: 1.25, output: 5 };

const h = useIngestHarness();
const memory = new InMemorySpanExporter();
let tracerProvider: NodeTracerProvider;
let openai: OpenAI;

beforeAll(() => {
  tracerProvider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'langfuse-app' }),
    spanProcessors: [
      new LangfuseSpanProcessor({ publicKey: 'pk-lf-tierlens-test', secretKey: h.apiKey, baseUrl: h.ingest.url, environment: 'staging' }),
      new SimpleSpanProcessor(memory),
    ],
  });
  setLangfuseTracerProvider(tracerProvider);
  openai = new OpenAI({ apiKey: 'sk-test', baseURL: `${h.provider.url}/v1` });
});
afterAll(async () => {
  setLangfuseTracerProvider(null);
  await tracerProvider?.shutdown();
});
beforeEach(async () => {
  memory.reset();
  await clearCalls(h);
});

const spanNamed = (name: string): ReadableSpan => memory.getFinishedSpans().find((s) => s.name === name)!;

describe('Langfuse v5 (LangfuseSpanProcessor) → ingest', () => {
  it('a generation with Langfuse usage details: cache and reasoning added back, cost priced, reported cost kept', async () => {
    const messages = [{ role: 'user' as const, content: 'Summarise this invoice.' }];
    const agent = startObservation('invoice-agent', { input: messages }, { asType: 'agent' });
    const generation = agent.startObservation('chat', { model: 'gpt-4o', input: messages }, { asType: 'generation' });
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
    const u = completion.usage!;
    const cached = u.prompt_tokens_details?.cached_tokens ?? 0;
    const reasoning = u.completion_tokens_details?.reasoning_tokens ?? 0;
    generation
      .update({
        output: completion.choices[0]!.message,
        completionStartTime: new Date(),
        // Langfuse's keys, as its OpenAI integration fills them: input/output without cache/reasoning.
        usageDetails: {
          input: u.prompt_tokens - cached,
          input_cached_tokens: cached,
          output: u.completion_tokens - reasoning,
          output_reasoning_tokens: reasoning,
          total: u.total_tokens,
        },
        // What the app's own price table said (e.g. a negotiated rate): stored as reported, never used as the cost.
        costDetails: { input: 0.002, input_cached_tokens: 0.0002, output: 0.0028, total: 0.005 },
      })
      .end();
    agent.end();
    await tracerProvider.forceFlush();

    const emitted = spanNamed('chat');
    expect(emitted.attributes).toMatchObject({ 'langfuse.observation.type': 'generation', 'langfuse.observation.model.name': 'gpt-4o' });
    expect(JSON.parse(emitted.attributes['langfuse.observation.usage_details'] as string)).toEqual({
      input: 1000,
      input_cached_tokens: 200,
      output: 200,
      output_reasoning_tokens: 100,
      total: 1500,
    });

    const calls = await storedCalls(h);
    expect(calls).toHaveLength(1); // the agent observation is skipped
    const call = calls[0]!;
    expect(call).toMatchObject({
      spanId: emitted.spanContext().spanId,
      parentSpanId: spanNamed('invoice-agent').spanContext().spanId,
      convention: 'langfuse',
      provider: null, // Langfuse generations carry no provider
      requestModel: 'gpt-4o',
      responseModel: null, // nor a response model
      model: 'gpt-4o',
      operation: 'chat',
      status: 'ok',
      inputTokens: 1200n,
      outputTokens: 300n,
      cacheReadTokens: 200n,
      cacheWriteTokens: 0n,
      reasoningTokens: 100n,
      usageSource: 'reported',
      environment: 'staging',
      serviceName: 'langfuse-app',
      completionContent: 'Hello from the fake provider.',
    });
    expect(call.promptContent).toContain('Summarise this invoice.');
    expect(call.timeToFirstTokenMs).toEqual(expect.any(Number));
    expect(Number(call.reportedCostUsd)).toBe(0.005);
    expectCost(call, listPriceCost(GPT_4O, { input: 1200, cacheRead: 200, output: 300 })); // $0.00575
  });

  it('usage given in the OpenAI shape (promptTokens/completionTokens): counts include the cache, which is not itemised', async () => {
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi' }] });
    const u = completion.usage!;
    startObservation(
      'chat',
      {
        model: 'gpt-4o',
        output: completion.choices[0]!.message,
        usageDetails: { promptTokens: u.prompt_tokens, completionTokens: u.completion_tokens, totalTokens: u.total_tokens },
        costDetails: { input: 0.003, output: 0.003 },
      },
      { asType: 'generation' },
    ).end();
    await tracerProvider.forceFlush();

    const [call] = await storedCalls(h);
    // 1200 and 300 as given; the 200 cached and 100 reasoning tokens are not in this shape, so
    // all input is priced uncached: $0.006 (the true bill is $0.00575).
    expect(call).toMatchObject({
      convention: 'langfuse',
      requestModel: 'gpt-4o',
      inputTokens: 1200n,
      outputTokens: 300n,
      cacheReadTokens: 0n,
      reasoningTokens: 0n,
      usageSource: 'reported',
    });
    expect(Number(call!.reportedCostUsd)).toBe(0.006); // no `total`: the sum of the entries
    expectCost(call!, listPriceCost(GPT_4O, { input: 1200, output: 300 }));
  });

  it('an Anthropic generation with cache reads AND writes: both counted (Langfuse\'s own mapper drops the writes)', async () => {
    const anthropic = new Anthropic({ apiKey: 'sk-ant-test', baseURL: h.provider.url });
    const message = await anthropic.messages.create({ model: 'claude-haiku-4-5', max_tokens: 1024, messages: [{ role: 'user', content: 'Hi' }] });
    const u = message.usage;
    expect(u).toMatchObject({ input_tokens: 800, cache_read_input_tokens: 200, cache_creation_input_tokens: 200, output_tokens: 300 });
    startObservation(
      'anthropic-chat',
      {
        model: 'claude-haiku-4-5',
        // As Langfuse's docs show for Anthropic: `input` is Anthropic's input_tokens (cache excluded).
        usageDetails: {
          input: u.input_tokens,
          output: u.output_tokens,
          cache_read_input_tokens: u.cache_read_input_tokens ?? 0,
          cache_creation_input_tokens: u.cache_creation_input_tokens ?? 0,
        },
      },
      { asType: 'generation' },
    ).end();
    await tracerProvider.forceFlush();

    const [call] = await storedCalls(h);
    expect(call).toMatchObject({
      convention: 'langfuse',
      provider: null,
      requestModel: 'claude-haiku-4-5',
      inputTokens: 1200n, // 800 + 200 read + 200 written
      outputTokens: 300n,
      cacheReadTokens: 200n,
      cacheWriteTokens: 200n,
      reasoningTokens: 0n,
      usageSource: 'reported',
      reportedCostUsd: null,
    });
    expectCost(call!, listPriceCost(CLAUDE_HAIKU_4_5, { input: 1200, cacheRead: 200, cacheWrite: 200, output: 300 })); // $0.00257
  });
});
