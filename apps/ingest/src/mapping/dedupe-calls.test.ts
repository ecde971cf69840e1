import { describe, expect, it } from 'vitest';
import type { MapResult } from './canonical-call.ts';
import { dedupeCalls, DUPLICATE_PARENT_REASON } from './dedupe-calls.ts';
import { mapSpan } from './map-span.ts';
import { makeSpan } from './test-support/make-span.ts';

const PARENT = '1111111111111111';
const CHILD = '2222222222222222';

/** Traceloop's legacy `anthropic.chat` span over the Anthropic SDK's own span for the same call. */
function traceloopOverAnthropicSdk(childModel = 'claude-sonnet-4-5-20250929'): MapResult[] {
  return [
    mapSpan(
      makeSpan({
        spanId: PARENT,
        name: 'anthropic.chat',
        attributes: {
          'gen_ai.system': 'Anthropic',
          'llm.request.type': 'chat',
          'gen_ai.request.model': 'claude-sonnet-4-5',
          'gen_ai.usage.input_tokens': 1000,
          'gen_ai.usage.cache_read_input_tokens': 200,
          'gen_ai.usage.output_tokens': 300,
        },
      }),
    ),
    mapSpan(
      makeSpan({
        spanId: CHILD,
        parentSpanId: PARENT,
        name: 'anthropic.messages.create',
        scopeName: 'com.anthropic.sdk.typescript',
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': 'anthropic',
          'gen_ai.request.model': 'claude-sonnet-4-5',
          'gen_ai.response.model': childModel,
          'gen_ai.usage.input_tokens': 1200,
          'gen_ai.usage.cache_read.input_tokens': 200,
          'gen_ai.usage.cache_write.input_tokens': 0,
          'gen_ai.usage.output_tokens': 300,
        },
      }),
    ),
  ];
}

describe('dedupeCalls', () => {
  it('keeps only the innermost of two LLM spans for the same call', () => {
    const results = dedupeCalls(traceloopOverAnthropicSdk());
    expect(results[0]).toEqual({ kind: 'skip', reason: DUPLICATE_PARENT_REASON });
    expect(results[1]).toMatchObject({ kind: 'call', call: { spanId: CHILD, convention: 'otel-genai', inputTokens: 1200 } });
  });

  it('keeps both when the models differ, and leaves skips and rejects alone', () => {
    const [parent, child] = traceloopOverAnthropicSdk();
    const other = { ...child!, call: { ...(child as Extract<MapResult, { kind: 'call' }>).call, requestModel: 'claude-haiku-4-5', responseModel: null } } as MapResult;
    const skip: MapResult = { kind: 'skip', reason: 'not an LLM span' };
    const reject: MapResult = { kind: 'reject', reason: 'x' };
    const results = dedupeCalls([parent!, other, skip, reject]);
    expect(results.map((r) => r.kind)).toEqual(['call', 'call', 'skip', 'reject']);
  });

  it('cannot see a parent exported in another batch (documented limitation)', () => {
    const [parent, child] = traceloopOverAnthropicSdk();
    expect(dedupeCalls([parent!])[0]!.kind).toBe('call');
    expect(dedupeCalls([child!])[0]!.kind).toBe('call');
  });
});
