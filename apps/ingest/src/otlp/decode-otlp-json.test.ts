import { describe, expect, it } from 'vitest';
import { decodeOtlpJson } from './decode-otlp-json.ts';
import { decodeOtlpProtobuf } from './decode-otlp-protobuf.ts';
import { OtlpDecodeError } from './otlp-decode-error.ts';
import { encodeTestRequestJson, encodeTestRequestProtobuf } from './test-support/encode-test-request.ts';
import { ROOT_SPAN_ID, TRACE_ID, sampleRequest } from './test-support/sample-request.ts';

function reason(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof OtlpDecodeError) return error.reason;
    throw error;
  }
  throw new Error('did not throw');
}

describe('decodeOtlpJson', () => {
  it('decodes to exactly what the protobuf decoder makes of the same request', () => {
    const request = sampleRequest();
    const fromJson = decodeOtlpJson(encodeTestRequestJson(request));
    const fromProto = decodeOtlpProtobuf(encodeTestRequestProtobuf(request));
    expect(fromJson).toEqual(fromProto);
  });

  it('accepts bytes as well as a string', () => {
    const body = Buffer.from(encodeTestRequestJson(sampleRequest()));
    expect(decodeOtlpJson(body)).toHaveLength(2);
  });

  it('accepts snake_case keys, int64 as numbers, enum names and upper-case hex ids', () => {
    const body = JSON.stringify({
      resource_spans: [
        {
          scope_spans: [
            {
              scope: { name: 'x' },
              spans: [
                {
                  trace_id: TRACE_ID.toUpperCase(),
                  span_id: ROOT_SPAN_ID,
                  parent_span_id: '',
                  name: 'chat',
                  kind: 'SPAN_KIND_CLIENT',
                  start_time_unix_nano: 1_700_000_000_000_000,
                  end_time_unix_nano: '1700000000000000001',
                  attributes: [
                    { key: 'n', value: { int_value: 7 } },
                    { key: 'd', value: { double_value: '1.5' } },
                    { key: 'empty', value: {} },
                    { key: 'novalue' },
                  ],
                  status: { code: 'STATUS_CODE_ERROR' },
                  unknownField: { ignored: true },
                },
              ],
            },
          ],
        },
      ],
    });
    const [span] = decodeOtlpJson(body);
    expect(span).toMatchObject({
      traceId: TRACE_ID,
      parentSpanId: null,
      kind: 3,
      statusCode: 2,
      startTimeUnixNano: 1_700_000_000_000_000n,
      endTimeUnixNano: 1_700_000_000_000_000_001n,
      attributes: { n: 7, d: 1.5, empty: null, novalue: null },
      invalidReason: null,
    });
  });

  it('accepts base64 ids of the right length from generic proto3 JSON encoders', () => {
    const body = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                {
                  traceId: Buffer.from(TRACE_ID, 'hex').toString('base64'),
                  spanId: Buffer.from(ROOT_SPAN_ID, 'hex').toString('base64'),
                  name: 's',
                },
              ],
            },
          ],
        },
      ],
    });
    const [span] = decodeOtlpJson(body);
    expect(span).toMatchObject({ traceId: TRACE_ID, spanId: ROOT_SPAN_ID, invalidReason: null });
  });

  it('flags a span with a non-hex id or a bad timestamp alone', () => {
    const body = JSON.stringify({
      resourceSpans: [
        {
          scopeSpans: [
            {
              spans: [
                { traceId: 'zz', spanId: ROOT_SPAN_ID, name: 'bad' },
                { traceId: TRACE_ID, spanId: ROOT_SPAN_ID, name: 'bad time', startTimeUnixNano: '-5' },
                { traceId: TRACE_ID, spanId: ROOT_SPAN_ID, name: 'good' },
              ],
            },
          ],
        },
      ],
    });
    const spans = decodeOtlpJson(body);
    expect(spans.map((s) => s.invalidReason)).toEqual([
      'trace_id is not hex',
      'start_time_unix_nano is not an unsigned integer',
      null,
    ]);
  });

  it('rejects a time beyond uint64 (8.6e24 ns, as a number or a string) for that span alone, without throwing', () => {
    const body = `{"resourceSpans":[{"scopeSpans":[{"spans":[
      {"traceId":"${TRACE_ID}","spanId":"${ROOT_SPAN_ID}","startTimeUnixNano":8.6e24},
      {"traceId":"${TRACE_ID}","spanId":"${ROOT_SPAN_ID}","startTimeUnixNano":"8600000000000000000000000"},
      {"traceId":"${TRACE_ID}","spanId":"${ROOT_SPAN_ID}","endTimeUnixNano":1e308},
      {"traceId":"${TRACE_ID}","spanId":"${ROOT_SPAN_ID}","startTimeUnixNano":"18446744073709551615"}]}]}]}`;
    expect(decodeOtlpJson(body).map((s) => s.invalidReason)).toEqual([
      'start_time_unix_nano 8.6e+24 is above the uint64 range',
      'start_time_unix_nano 8600000000000000000000000 is above the uint64 range',
      'end_time_unix_nano 1e+308 is above the uint64 range',
      null,
    ]);
  });

  it('accepts an empty request', () => {
    expect(decodeOtlpJson('{}')).toEqual([]);
    expect(decodeOtlpJson('{"resourceSpans":[]}')).toEqual([]);
  });

  it('throws typed errors on malformed bodies', () => {
    expect(reason(() => decodeOtlpJson('{"resourceSpans":'))).toBe('invalid_json');
    expect(reason(() => decodeOtlpJson('[]'))).toBe('invalid_structure');
    expect(reason(() => decodeOtlpJson('{"resourceSpans":{}}'))).toBe('invalid_structure');
    expect(reason(() => decodeOtlpJson('{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"a","value":{"intValue":"x"}}]}]}]}]}'))).toBe(
      'invalid_structure',
    );
    let deep: unknown = { stringValue: 'x' };
    for (let i = 0; i < 40; i++) deep = { arrayValue: { values: [deep] } };
    const body = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ attributes: [{ key: 'a', value: deep }] }] }] }] });
    expect(reason(() => decodeOtlpJson(body))).toBe('too_deep');
  });
});
