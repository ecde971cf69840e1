import { describe, expect, it } from 'vitest';
import type { CanonicalCall, MapResult } from './canonical-call.ts';
import { mapOtelGenAiSpan } from './map-otel-genai-span.ts';
import { makeEvent, makeSpan } from './test-support/make-span.ts';

function call(result: MapResult): CanonicalCall {
  if (result.kind !== 'call') throw new Error(`expected a call, got ${result.kind}: ${result.reason}`);
  return result.call;
}

describe('mapOtelGenAiSpan', () => {
  it('maps a current-convention chat span (the observed OpenAI call: 1200 in incl. 200 cached, 300 out incl. 100 reasoning)', () => {
    const c = call(
      mapOtelGenAiSpan(
        makeSpan({
          name: 'chat gpt-4o',
          scopeName: '@opentelemetry/instrumentation-openai',
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'openai',
            'gen_ai.request.model': 'gpt-4o',
            'gen_ai.response.model': 'gpt-4o-2024-08-06',
            'gen_ai.usage.input_tokens': 1200,
            'gen_ai.usage.cache_read.input_tokens': 200,
            'gen_ai.usage.output_tokens': 300,
            'gen_ai.usage.reasoning.output_tokens': 100,
            'gen_ai.response.finish_reasons': ['stop'],
            'gen_ai.response.time_to_first_chunk': 0.35,
            'server.address': 'api.openai.com',
          },
        }),
      ),
    );
    expect(c).toMatchObject({
      convention: 'otel-genai',
      provider: 'openai',
      requestModel: 'gpt-4o',
      responseModel: 'gpt-4o-2024-08-06',
      operation: 'chat',
      inputTokens: 1200,
      cacheReadTokens: 200,
      cacheWriteTokens: 0,
      outputTokens: 300,
      reasoningTokens: 100,
      usageSource: 'reported',
      finishReasons: ['stop'],
      timeToFirstTokenMs: 350,
      status: 'ok',
      errorType: null,
      durationMs: 1500,
      serviceName: 'support-bot',
    });
    expect(c.startTime.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(c.attributes['resource.service.name']).toBe('support-bot');
  });

  it('maps the contrib OpenAI instrumentation (gen_ai.system, no cache, error.type)', () => {
    const c = call(
      mapOtelGenAiSpan(
        makeSpan({
          statusCode: 2,
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.system': 'openai',
            'gen_ai.request.model': 'gpt-4o-mini',
            'gen_ai.usage.input_tokens': 12,
            'gen_ai.usage.output_tokens': 0,
            'error.type': 'RateLimitError',
          },
        }),
      ),
    );
    expect(c).toMatchObject({ provider: 'openai', inputTokens: 12, status: 'error', errorType: 'RateLimitError' });
  });

  it('maps the Anthropic SDK 1.x self-traced span (input already includes cache read and write)', () => {
    const c = call(
      mapOtelGenAiSpan(
        makeSpan({
          name: 'anthropic.messages.create',
          scopeName: 'com.anthropic.sdk.typescript',
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.provider.name': 'anthropic',
            'gen_ai.request.model': 'claude-sonnet-4-5',
            'gen_ai.response.model': 'claude-sonnet-4-5-20250929',
            'gen_ai.usage.input_tokens': 1200,
            'gen_ai.usage.cache_read.input_tokens': 200,
            'gen_ai.usage.cache_write.input_tokens': 100,
            'anthropic.usage.cache_creation.ephemeral_5m_input_tokens': 100,
            'gen_ai.usage.output_tokens': 300,
            'anthropic.message.stop_reason': 'end_turn',
            'gen_ai.request.stream': true,
            'gen_ai.response.time_to_first_chunk': 0.8,
          },
        }),
      ),
    );
    expect(c).toMatchObject({ inputTokens: 1200, cacheReadTokens: 200, cacheWriteTokens: 100, outputTokens: 300, finishReasons: ['end_turn'] });
  });

  it('accepts deprecated usage names (prompt/completion tokens, cache_creation.input_tokens)', () => {
    const c = call(
      mapOtelGenAiSpan(
        makeSpan({
          attributes: {
            'gen_ai.system': 'Anthropic',
            'gen_ai.request.model': 'claude-3-5-haiku',
            'gen_ai.usage.prompt_tokens': 500,
            'gen_ai.usage.completion_tokens': 40,
            'gen_ai.usage.cache_creation.input_tokens': 300,
          },
        }),
      ),
    );
    expect(c).toMatchObject({ operation: 'chat', provider: 'anthropic', inputTokens: 500, cacheWriteTokens: 300, outputTokens: 40 });
  });

  it('reads prompt text, completion and tools from content attributes', () => {
    const c = call(
      mapOtelGenAiSpan(
        makeSpan({
          attributes: {
            'gen_ai.operation.name': 'chat',
            'gen_ai.request.model': 'gpt-4o',
            'gen_ai.usage.input_tokens': 10,
            'gen_ai.usage.output_tokens': 5,
            'gen_ai.system_instructions': JSON.stringify([{ type: 'text', content: 'You review pull requests.' }]),
            'gen_ai.input.messages': JSON.stringify([
              { role: 'user', parts: [{ type: 'text', content: 'Is this diff safe?' }] },
            ]),
            'gen_ai.output.messages': JSON.stringify([
              { role: 'assistant', parts: [{ type: 'text', content: 'Yes.' }], finish_reason: 'stop' },
            ]),
            'gen_ai.tool.definitions': JSON.stringify([{ type: 'function', name: 'read_file' }]),
          },
        }),
      ),
    );
    expect(c.promptText).toBe('You review pull requests.\n\nIs this diff safe?');
    expect(c.completionText).toBe('Yes.');
    expect(c.hasTools).toBe(true);
  });

  it('reads content from the inference details event and deprecated prompt events', () => {
    const base = { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm', 'gen_ai.usage.input_tokens': 1 };
    const details = call(
      mapOtelGenAiSpan(
        makeSpan({
          attributes: base,
          events: [
            makeEvent('gen_ai.client.inference.operation.details', {
              'gen_ai.input.messages': [{ role: 'user', parts: [{ type: 'text', content: 'structured hi' }] }] as never,
            }),
          ],
        }),
      ),
    );
    expect(details.promptText).toBe('structured hi');
    const deprecated = call(
      mapOtelGenAiSpan(
        makeSpan({
          attributes: base,
          events: [
            makeEvent('gen_ai.content.prompt', { 'gen_ai.prompt': '[{"role":"user","content":"old style"}]' }),
            makeEvent('gen_ai.content.completion', { 'gen_ai.completion': '[{"role":"assistant","content":"reply"}]' }),
          ],
        }),
      ),
    );
    expect(deprecated.promptText).toBe('old style');
    expect(deprecated.completionText).toBe('reply');
  });

  it('skips aggregate and non-LLM spans', () => {
    for (const op of ['invoke_agent', 'invoke_workflow', 'create_agent', 'execute_tool']) {
      expect(mapOtelGenAiSpan(makeSpan({ attributes: { 'gen_ai.operation.name': op, 'gen_ai.request.model': 'm', 'gen_ai.usage.input_tokens': 5 } })).kind).toBe(
        'skip',
      );
    }
    // Anthropic SDK count_tokens: a model, but no operation and no usage.
    expect(mapOtelGenAiSpan(makeSpan({ attributes: { 'gen_ai.provider.name': 'anthropic', 'gen_ai.request.model': 'claude' } })).kind).toBe('skip');
  });

  it('rejects unusable LLM spans with a reason', () => {
    const noModel = mapOtelGenAiSpan(makeSpan({ attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.usage.input_tokens': 3 } }));
    expect(noModel).toMatchObject({ kind: 'reject', reason: expect.stringContaining('without a model') });
    const negative = mapOtelGenAiSpan(makeSpan({ attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm', 'gen_ai.usage.input_tokens': -3 } }));
    expect(negative).toEqual({ kind: 'reject', reason: 'negative token count in gen_ai.usage.input_tokens' });
    const badIds = mapOtelGenAiSpan(makeSpan({ invalidReason: 'trace_id is all zeroes', attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm' } }));
    expect(badIds).toEqual({ kind: 'reject', reason: 'invalid span: trace_id is all zeroes' });
  });

  it('records missing usage and an OpenRouter-style reported cost', () => {
    const c = call(
      mapOtelGenAiSpan(makeSpan({ attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'openai/gpt-4o', 'gen_ai.usage.cost': 0.00000015 } })),
    );
    expect(c.usageSource).toBe('missing');
    expect(c.reportedCostUsd).toBe('0.00000015');
  });
});
