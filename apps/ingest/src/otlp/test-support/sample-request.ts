import type { TestRequest } from './encode-test-request.ts';

/** Ids used by {@link sampleRequest}. */
export const TRACE_ID = '5b8efff798038103d269b633813fc60c';
export const ROOT_SPAN_ID = 'eee19b7ec3c1b174';
export const CHILD_SPAN_ID = 'eee19b7ec3c1b173';

/** A two-span request with every attribute value type, an event and a status. */
export function sampleRequest(): TestRequest {
  return {
    resourceSpans: [
      {
        resource: { 'service.name': 'checkout', 'deployment.environment.name': 'prod' },
        scopes: [
          {
            name: '@opentelemetry/instrumentation-openai',
            version: '0.5.0',
            spans: [
              {
                traceId: TRACE_ID,
                spanId: ROOT_SPAN_ID,
                name: 'invoke_agent planner',
                kind: 1,
                start: 1_700_000_000_000_000_000n,
                end: 1_700_000_002_500_000_000n,
                attributes: { 'gen_ai.operation.name': 'invoke_agent' },
              },
              {
                traceId: TRACE_ID,
                spanId: CHILD_SPAN_ID,
                parentSpanId: ROOT_SPAN_ID,
                name: 'chat gpt-4o',
                kind: 3,
                start: 1_700_000_000_100_000_000n,
                end: 1_700_000_001_900_000_123n,
                attributes: {
                  'gen_ai.operation.name': 'chat',
                  'gen_ai.request.model': 'gpt-4o',
                  'gen_ai.usage.input_tokens': { int: 1200 },
                  'gen_ai.usage.output_tokens': { int: 300 },
                  'gen_ai.request.temperature': 0.25,
                  'gen_ai.request.stream': false,
                  'gen_ai.response.finish_reasons': ['stop'],
                  'big.int': { int: 9007199254740993n },
                  'neg.int': { int: -42 },
                  'raw.bytes': { bytes: new Uint8Array([1, 2, 255]) },
                  'nested.kv': { kv: { a: { int: 1 }, b: ['x', true, 2.5] } },
                  'unicode.text': 'héllo ✓ 日本',
                },
                events: [{ time: 1_700_000_000_500_000_000n, name: 'gen_ai.first_chunk', attributes: { n: { int: 1 } } }],
                status: { code: 2, message: 'rate limited' },
              },
            ],
          },
        ],
      },
    ],
  };
}
