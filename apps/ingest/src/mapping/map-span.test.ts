import { describe, expect, it } from 'vitest';
import { decodeOtlpProtobuf } from '../otlp/decode-otlp-protobuf.ts';
import { encodeTestRequestProtobuf } from '../otlp/test-support/encode-test-request.ts';
import { dedupeCalls } from './dedupe-calls.ts';
import { mapSpan } from './map-span.ts';
import { makeSpan } from './test-support/make-span.ts';

describe('mapSpan', () => {
  it('skips spans that are not LLM spans', () => {
    expect(mapSpan(makeSpan({ name: 'SELECT users', attributes: { 'db.system': 'postgresql' } }))).toEqual({ kind: 'skip', reason: 'not an LLM span' });
  });

  it('rejects only the span when a mapper throws', () => {
    const hostile = new Proxy(
      { 'gen_ai.operation.name': 'chat' },
      {
        get(target, key) {
          if (key === 'gen_ai.request.model') throw new TypeError('boom');
          return Reflect.get(target, key);
        },
      },
    );
    expect(mapSpan(makeSpan({ attributes: hostile }))).toEqual({ kind: 'reject', reason: 'internal mapping error (TypeError)' });
  });

  it('dispatches each convention to its mapper', () => {
    const conventions = [
      makeSpan({ attributes: { 'langfuse.observation.type': 'generation', 'langfuse.observation.model.name': 'gpt-4o' } }),
      makeSpan({ attributes: { 'openinference.span.kind': 'LLM', 'llm.model_name': 'gpt-4o' } }),
      makeSpan({ scopeName: 'ai', attributes: { 'ai.operationId': 'ai.generateText.doGenerate', 'ai.model.id': 'gpt-4o' } }),
      makeSpan({ scopeName: '@tierlens/sdk', attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' } }),
      makeSpan({ attributes: { 'llm.request.type': 'chat', 'gen_ai.request.model': 'gpt-4o' } }),
      makeSpan({ attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' } }),
    ].map((span) => {
      const result = mapSpan(span);
      return result.kind === 'call' ? result.call.convention : result.kind;
    });
    expect(conventions).toEqual(['langfuse', 'openinference', 'vercel-ai', 'tierlens', 'openllmetry', 'otel-genai']);
  });

  it('maps a decoded protobuf batch end to end: agent root skipped, chat priced, non-LLM skipped, bad ids rejected', () => {
    const trace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const body = encodeTestRequestProtobuf({
      resourceSpans: [
        {
          resource: { 'service.name': 'agent-api', 'deployment.environment.name': 'prod' },
          scopes: [
            {
              name: '@opentelemetry/instrumentation-openai',
              spans: [
                {
                  traceId: trace,
                  spanId: '00f067aa0ba902b7',
                  name: 'invoke_agent support',
                  start: 1_767_225_600_000_000_000n,
                  end: 1_767_225_603_000_000_000n,
                  attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.usage.input_tokens': { int: 1200 } },
                },
                {
                  traceId: trace,
                  spanId: '00f067aa0ba902b8',
                  parentSpanId: '00f067aa0ba902b7',
                  name: 'chat gpt-4o',
                  kind: 3,
                  start: 1_767_225_600_100_000_000n,
                  end: 1_767_225_602_000_000_000n,
                  attributes: {
                    'gen_ai.operation.name': 'chat',
                    'gen_ai.system': 'openai',
                    'gen_ai.request.model': 'gpt-4o',
                    'gen_ai.usage.input_tokens': { int: 1200 },
                    'gen_ai.usage.output_tokens': { int: 300 },
                    'tierlens.query_type.hint': 'general_chat',
                  },
                },
                { traceId: trace, spanId: '00f067aa0ba902b9', name: 'GET /kb', start: 1n, end: 2n, attributes: { 'http.request.method': 'GET' } },
                {
                  traceId: trace,
                  spanId: '0000',
                  name: 'chat gpt-4o',
                  start: 1n,
                  end: 2n,
                  attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o' },
                },
              ],
            },
          ],
        },
      ],
    });
    const results = dedupeCalls(decodeOtlpProtobuf(body).map(mapSpan));
    expect(results.map((r) => r.kind)).toEqual(['skip', 'call', 'skip', 'reject']);
    expect(results[1]).toMatchObject({
      kind: 'call',
      call: { inputTokens: 1200, outputTokens: 300, environment: 'prod', serviceName: 'agent-api', queryTypeHint: { queryType: 'general_chat' } },
    });
    expect(results[3]).toEqual({ kind: 'reject', reason: 'invalid span: span_id must be 8 bytes, got 2' });
  });
});
