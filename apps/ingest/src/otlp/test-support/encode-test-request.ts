import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';

/** A test value: `{ int: n }` forces an int64 (a plain number is a double). */
export type TestValue =
  | string
  | number
  | boolean
  | { int: number | bigint | string }
  | { bytes: Uint8Array }
  | TestValue[]
  | { kv: Record<string, TestValue> };

/** A span for test requests; ids are hex. */
export interface TestSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind?: number;
  start: bigint;
  end: bigint;
  attributes?: Record<string, TestValue>;
  events?: { time: bigint; name: string; attributes?: Record<string, TestValue> }[];
  status?: { code: number; message?: string };
}

/** A request: resource spans, each with scopes. */
export interface TestRequest {
  resourceSpans: {
    resource?: Record<string, TestValue>;
    scopes: { name: string; version?: string; spans: TestSpan[] }[];
  }[];
}

/** Encodes a test request as protobuf, field by field, as an OTLP exporter would. */
export function encodeTestRequestProtobuf(request: TestRequest): Uint8Array {
  const w = new BinaryWriter();
  for (const rs of request.resourceSpans) {
    w.tag(1, WireType.LengthDelimited).fork();
    if (rs.resource) {
      w.tag(1, WireType.LengthDelimited).fork();
      writeAttributes(w, 1, rs.resource);
      w.join();
    }
    for (const scope of rs.scopes) {
      w.tag(2, WireType.LengthDelimited).fork();
      w.tag(1, WireType.LengthDelimited).fork();
      w.tag(1, WireType.LengthDelimited).string(scope.name);
      if (scope.version) w.tag(2, WireType.LengthDelimited).string(scope.version);
      w.join();
      for (const span of scope.spans) writeSpan(w, span);
      w.join();
    }
    w.join();
  }
  return w.finish();
}

function writeSpan(w: BinaryWriter, span: TestSpan): void {
  w.tag(2, WireType.LengthDelimited).fork();
  w.tag(1, WireType.LengthDelimited).bytes(Buffer.from(span.traceId, 'hex'));
  w.tag(2, WireType.LengthDelimited).bytes(Buffer.from(span.spanId, 'hex'));
  if (span.parentSpanId) w.tag(4, WireType.LengthDelimited).bytes(Buffer.from(span.parentSpanId, 'hex'));
  w.tag(5, WireType.LengthDelimited).string(span.name);
  if (span.kind) w.tag(6, WireType.Varint).int32(span.kind);
  w.tag(7, WireType.Bit64).fixed64(span.start);
  w.tag(8, WireType.Bit64).fixed64(span.end);
  if (span.attributes) writeAttributes(w, 9, span.attributes);
  for (const event of span.events ?? []) {
    w.tag(11, WireType.LengthDelimited).fork();
    w.tag(1, WireType.Bit64).fixed64(event.time);
    w.tag(2, WireType.LengthDelimited).string(event.name);
    if (event.attributes) writeAttributes(w, 3, event.attributes);
    w.join();
  }
  if (span.status) {
    w.tag(15, WireType.LengthDelimited).fork();
    if (span.status.message) w.tag(2, WireType.LengthDelimited).string(span.status.message);
    w.tag(3, WireType.Varint).int32(span.status.code);
    w.join();
  }
  w.tag(16, WireType.Bit32).fixed32(0x101);
  w.join();
}

function writeAttributes(w: BinaryWriter, field: number, attributes: Record<string, TestValue>): void {
  for (const [key, value] of Object.entries(attributes)) {
    w.tag(field, WireType.LengthDelimited).fork();
    w.tag(1, WireType.LengthDelimited).string(key);
    w.tag(2, WireType.LengthDelimited).fork();
    writeAnyValue(w, value);
    w.join();
    w.join();
  }
}

function writeAnyValue(w: BinaryWriter, value: TestValue): void {
  if (typeof value === 'string') w.tag(1, WireType.LengthDelimited).string(value);
  else if (typeof value === 'boolean') w.tag(2, WireType.Varint).bool(value);
  else if (typeof value === 'number') w.tag(4, WireType.Bit64).double(value);
  else if (Array.isArray(value)) {
    w.tag(5, WireType.LengthDelimited).fork();
    for (const item of value) {
      w.tag(1, WireType.LengthDelimited).fork();
      writeAnyValue(w, item);
      w.join();
    }
    w.join();
  } else if ('int' in value) w.tag(3, WireType.Varint).int64(value.int);
  else if ('bytes' in value) w.tag(7, WireType.LengthDelimited).bytes(value.bytes);
  else {
    w.tag(6, WireType.LengthDelimited).fork();
    writeAttributes(w, 1, value.kv);
    w.join();
  }
}

/** Encodes a test request as OTLP/JSON (hex ids, int64 and nanos as strings, integer enums). */
export function encodeTestRequestJson(request: TestRequest): string {
  return JSON.stringify({
    resourceSpans: request.resourceSpans.map((rs) => ({
      resource: rs.resource ? { attributes: jsonAttributes(rs.resource) } : undefined,
      scopeSpans: rs.scopes.map((scope) => ({
        scope: { name: scope.name, version: scope.version },
        spans: scope.spans.map((span) => ({
          traceId: span.traceId,
          spanId: span.spanId,
          parentSpanId: span.parentSpanId ?? '',
          name: span.name,
          kind: span.kind ?? 0,
          startTimeUnixNano: span.start.toString(),
          endTimeUnixNano: span.end.toString(),
          attributes: jsonAttributes(span.attributes ?? {}),
          events: (span.events ?? []).map((e) => ({
            timeUnixNano: e.time.toString(),
            name: e.name,
            attributes: jsonAttributes(e.attributes ?? {}),
          })),
          status: span.status ?? {},
          flags: 257,
        })),
      })),
    })),
  });
}

function jsonAttributes(attributes: Record<string, TestValue>): unknown[] {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: jsonAnyValue(value) }));
}

function jsonAnyValue(value: TestValue): unknown {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return { doubleValue: value };
  if (Array.isArray(value)) return { arrayValue: { values: value.map(jsonAnyValue) } };
  if ('int' in value) return { intValue: String(value.int) };
  if ('bytes' in value) return { bytesValue: Buffer.from(value.bytes).toString('base64') };
  return { kvlistValue: { values: jsonAttributes(value.kv) } };
}
