import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import { describe, expect, it } from 'vitest';
import { decodeOtlpProtobuf } from './decode-otlp-protobuf.ts';
import { OtlpDecodeError } from './otlp-decode-error.ts';
import { encodeTestRequestProtobuf } from './test-support/encode-test-request.ts';
import { CHILD_SPAN_ID, ROOT_SPAN_ID, TRACE_ID, sampleRequest } from './test-support/sample-request.ts';

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof OtlpDecodeError) return error.reason;
    throw error;
  }
  throw new Error('did not throw');
}

describe('decodeOtlpProtobuf', () => {
  it('decodes spans with resource, scope, ids, times, status and every attribute type', () => {
    const spans = decodeOtlpProtobuf(encodeTestRequestProtobuf(sampleRequest()));
    expect(spans).toHaveLength(2);
    const [root, child] = spans;
    expect(root).toMatchObject({
      traceId: TRACE_ID,
      spanId: ROOT_SPAN_ID,
      parentSpanId: null,
      kind: 1,
      statusCode: 0,
      invalidReason: null,
      scopeName: '@opentelemetry/instrumentation-openai',
      scopeVersion: '0.5.0',
    });
    expect(child!.parentSpanId).toBe(ROOT_SPAN_ID);
    expect(child!.spanId).toBe(CHILD_SPAN_ID);
    expect(child!.name).toBe('chat gpt-4o');
    expect(child!.kind).toBe(3);
    expect(child!.startTimeUnixNano).toBe(1_700_000_000_100_000_000n);
    expect(child!.endTimeUnixNano).toBe(1_700_000_001_900_000_123n);
    expect(child!.statusCode).toBe(2);
    expect(child!.statusMessage).toBe('rate limited');
    expect(child!.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-4o',
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 300,
      'gen_ai.request.temperature': 0.25,
      'gen_ai.request.stream': false,
      'gen_ai.response.finish_reasons': ['stop'],
      'big.int': 9007199254740993n,
      'neg.int': -42,
      'raw.bytes': new Uint8Array([1, 2, 255]),
      'nested.kv': { a: 1, b: ['x', true, 2.5] },
      'unicode.text': 'héllo ✓ 日本',
    });
    expect(child!.events).toEqual([
      { timeUnixNano: 1_700_000_000_500_000_000n, name: 'gen_ai.first_chunk', attributes: { n: 1 } },
    ]);
    expect(child!.resource).toEqual({ 'service.name': 'checkout', 'deployment.environment.name': 'prod' });
    expect(child!.resource).toBe(root!.resource);
  });

  it('returns no spans for an empty body', () => {
    expect(decodeOtlpProtobuf(new Uint8Array(0))).toEqual([]);
  });

  it('flags spans with bad ids without failing the request', () => {
    const request = sampleRequest();
    const spans = request.resourceSpans[0]!.scopes[0]!.spans;
    spans[0]!.traceId = '00'.repeat(16);
    spans[1]!.spanId = 'abcd';
    const decoded = decodeOtlpProtobuf(encodeTestRequestProtobuf(request));
    expect(decoded[0]!.invalidReason).toBe('trace_id is all zeroes');
    expect(decoded[1]!.invalidReason).toBe('span_id must be 8 bytes, got 2');
  });

  it('skips unknown fields, and takes a resource or scope that comes after the spans', () => {
    const w = new BinaryWriter();
    w.tag(1, WireType.LengthDelimited).fork(); // ResourceSpans
    w.tag(2, WireType.LengthDelimited).fork(); // ScopeSpans, spans first
    w.tag(2, WireType.LengthDelimited).fork(); // Span
    w.tag(1, WireType.LengthDelimited).bytes(Buffer.from(TRACE_ID, 'hex'));
    w.tag(2, WireType.LengthDelimited).bytes(Buffer.from(ROOT_SPAN_ID, 'hex'));
    w.tag(99, WireType.Varint).uint32(7); // unknown varint
    w.tag(98, WireType.LengthDelimited).string('unknown'); // unknown bytes
    w.tag(97, WireType.Bit32).fixed32(1);
    w.tag(96, WireType.Bit64).fixed64(1n);
    w.tag(5, WireType.LengthDelimited).string('late scope');
    w.join();
    w.tag(1, WireType.LengthDelimited).fork().tag(1, WireType.LengthDelimited).string('ai').join(); // scope
    w.join();
    w.tag(1, WireType.LengthDelimited).fork(); // resource after scope spans
    w.tag(1, WireType.LengthDelimited).fork().tag(1, WireType.LengthDelimited).string('service.name');
    w.tag(2, WireType.LengthDelimited).fork().tag(1, WireType.LengthDelimited).string('svc').join().join();
    w.join();
    w.join();
    const [span] = decodeOtlpProtobuf(w.finish());
    expect(span).toMatchObject({ name: 'late scope', scopeName: 'ai', resource: { 'service.name': 'svc' }, invalidReason: null });
  });

  it('throws invalid_protobuf on truncated bytes', () => {
    const bytes = encodeTestRequestProtobuf(sampleRequest());
    expect(reason(() => decodeOtlpProtobuf(bytes.subarray(0, bytes.length - 3)))).toBe('invalid_protobuf');
    expect(reason(() => decodeOtlpProtobuf(new Uint8Array([0x0a, 0xff])))).toBe('invalid_protobuf');
  });

  it('throws invalid_protobuf on garbage and illegal wire types', () => {
    expect(reason(() => decodeOtlpProtobuf(new Uint8Array([0x0f, 0x01])))).toBe('invalid_protobuf');
    expect(reason(() => decodeOtlpProtobuf(Buffer.from('{"resourceSpans":[]}')))).toBe('invalid_protobuf');
  });

  it('throws too_deep on absurdly nested attribute values', () => {
    let value: import('./test-support/encode-test-request.ts').TestValue = 'leaf';
    for (let i = 0; i < 40; i++) value = [value];
    const request = sampleRequest();
    request.resourceSpans[0]!.scopes[0]!.spans[0]!.attributes = { deep: value };
    expect(reason(() => decodeOtlpProtobuf(encodeTestRequestProtobuf(request)))).toBe('too_deep');
  });

  it('cannot be made to change an attribute object prototype', () => {
    const request = sampleRequest();
    const span = request.resourceSpans[0]!.scopes[0]!.spans[0]!;
    // JSON.parse makes "__proto__" an own key, as an attacker's attribute name would be.
    span.attributes = JSON.parse('{"__proto__":{"kv":{"polluted":true}},"ok":"yes"}');
    const [decoded] = decodeOtlpProtobuf(encodeTestRequestProtobuf(request));
    expect(Object.getPrototypeOf(decoded!.attributes)).toBe(Object.prototype);
    expect(Object.keys(decoded!.attributes)).toEqual(['__proto__', 'ok']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
