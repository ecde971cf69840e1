import {
  NO_ATTRIBUTES,
  NO_ITEMS,
  type AttrValue,
  type Attributes,
  type DecodedEvent,
  type DecodedLink,
  type DecodedSpan,
} from './decoded-span.ts';
import { MAX_ANY_VALUE_DEPTH, OtlpDecodeError } from './otlp-decode-error.ts';
import { setAttribute } from './set-attribute.ts';
import { checkSpanIds, normalizeParentId } from './span-ids.ts';

type Json = Record<string, unknown>;

const SPAN_KIND_NAMES: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
const STATUS_CODE_NAMES: Record<string, number> = {
  STATUS_CODE_UNSET: 0,
  STATUS_CODE_OK: 1,
  STATUS_CODE_ERROR: 2,
};
const HEX_ID = /^[0-9a-fA-F]*$/;
const BASE64_ID = /^[A-Za-z0-9+/]+={0,2}$/;
const utf8 = new TextDecoder('utf-8');

/**
 * Decodes an OTLP/JSON `ExportTraceServiceRequest` into {@link DecodedSpan}s, with the OTLP/JSON
 * rules a generic proto3 JSON parser gets wrong: trace and span ids are hex (base64 of the right
 * length is accepted too, from exporters that use the generic mapping), enums are integers (names
 * are accepted), int64 values are decimal strings or numbers, `bytesValue` is base64. Keys may be
 * lowerCamelCase or snake_case; unknown keys are ignored.
 *
 * @throws {OtlpDecodeError} `invalid_json`, `invalid_structure` or `too_deep`.
 */
export function decodeOtlpJson(body: string | Uint8Array): DecodedSpan[] {
  let root: unknown;
  try {
    root = JSON.parse(typeof body === 'string' ? body : utf8.decode(body));
  } catch (error) {
    throw new OtlpDecodeError('invalid_json', `body is not valid JSON: ${(error as Error).message}`);
  }
  const request = asObject(root, 'request');
  const out: DecodedSpan[] = [];
  for (const rs of asArray(field(request, 'resourceSpans', 'resource_spans'), 'resourceSpans')) {
    const resourceSpans = asObject(rs, 'resourceSpans[]');
    const resourceJson = field(resourceSpans, 'resource', 'resource');
    const resource =
      resourceJson == null
        ? NO_ATTRIBUTES
        : readAttributes(field(asObject(resourceJson, 'resource'), 'attributes', 'attributes'));
    for (const ss of asArray(field(resourceSpans, 'scopeSpans', 'scope_spans'), 'scopeSpans')) {
      const scopeSpans = asObject(ss, 'scopeSpans[]');
      const scopeJson = field(scopeSpans, 'scope', 'scope');
      const scope = scopeJson == null ? null : asObject(scopeJson, 'scope');
      const scopeName = scope === null ? '' : optionalString(scope['name'], 'scope.name');
      const scopeVersion = scope === null ? '' : optionalString(scope['version'], 'scope.version');
      for (const s of asArray(field(scopeSpans, 'spans', 'spans'), 'spans')) {
        out.push(readSpan(asObject(s, 'span'), resource, scopeName, scopeVersion));
      }
    }
  }
  return out;
}

function readSpan(span: Json, resource: Attributes, scopeName: string, scopeVersion: string): DecodedSpan {
  const problems: string[] = [];
  const traceId = readId(field(span, 'traceId', 'trace_id'), 16, 'trace_id', problems);
  const spanId = readId(field(span, 'spanId', 'span_id'), 8, 'span_id', problems);
  const parentSpanId = normalizeParentId(readId(field(span, 'parentSpanId', 'parent_span_id'), 8, 'parent_span_id', problems));
  const start = readUint64(field(span, 'startTimeUnixNano', 'start_time_unix_nano'), 'start_time_unix_nano', problems);
  const end = readUint64(field(span, 'endTimeUnixNano', 'end_time_unix_nano'), 'end_time_unix_nano', problems);
  const statusJson = span['status'];
  const status = statusJson == null ? null : asObject(statusJson, 'status');
  const eventsJson = span['events'];
  const linksJson = span['links'];
  return {
    traceId,
    spanId,
    parentSpanId,
    name: optionalString(span['name'], 'span.name'),
    kind: readEnum(span['kind'], SPAN_KIND_NAMES, 'span.kind'),
    startTimeUnixNano: start,
    endTimeUnixNano: end,
    statusCode: status === null ? 0 : readEnum(status['code'], STATUS_CODE_NAMES, 'status.code'),
    statusMessage: status === null ? '' : optionalString(status['message'], 'status.message'),
    attributes: readAttributes(span['attributes']),
    events: eventsJson == null ? NO_ITEMS : asArray(eventsJson, 'events').map(readEvent),
    links: linksJson == null ? NO_ITEMS : asArray(linksJson, 'links').map(readLink),
    resource,
    scopeName,
    scopeVersion,
    invalidReason: problems.length > 0 ? problems.join('; ') : checkSpanIds(traceId, spanId, parentSpanId),
  };
}

function readEvent(value: unknown): DecodedEvent {
  const event = asObject(value, 'event');
  const problems: string[] = [];
  const time = readUint64(field(event, 'timeUnixNano', 'time_unix_nano'), 'time_unix_nano', problems);
  return {
    timeUnixNano: time,
    name: optionalString(event['name'], 'event.name'),
    attributes: readAttributes(event['attributes']),
  };
}

function readLink(value: unknown): DecodedLink {
  const link = asObject(value, 'link');
  const problems: string[] = [];
  return {
    traceId: readId(field(link, 'traceId', 'trace_id'), 16, 'link.trace_id', problems),
    spanId: readId(field(link, 'spanId', 'span_id'), 8, 'link.span_id', problems),
    attributes: readAttributes(link['attributes']),
  };
}

function readAttributes(value: unknown, depth = 0): Attributes {
  if (value == null) return {};
  const attributes: Attributes = {};
  for (const item of asArray(value, 'attributes')) {
    const kv = asObject(item, 'attribute');
    const key = optionalString(kv['key'], 'attribute.key');
    const anyValue = kv['value'];
    setAttribute(attributes, key, anyValue == null ? null : readAnyValue(anyValue, depth));
  }
  return attributes;
}

function readAnyValue(value: unknown, depth: number): AttrValue {
  const v = asObject(value, 'AnyValue');
  let x: unknown;
  if ((x = field(v, 'stringValue', 'string_value')) !== undefined) return optionalString(x, 'stringValue');
  if ((x = field(v, 'intValue', 'int_value')) !== undefined) return readInt64(x);
  if ((x = field(v, 'doubleValue', 'double_value')) !== undefined) return readDouble(x);
  if ((x = field(v, 'boolValue', 'bool_value')) !== undefined) {
    if (typeof x !== 'boolean') throw structure('boolValue must be a boolean');
    return x;
  }
  if ((x = field(v, 'arrayValue', 'array_value')) !== undefined) {
    if (depth >= MAX_ANY_VALUE_DEPTH) throw tooDeep();
    const values = x == null ? undefined : asObject(x, 'arrayValue')['values'];
    return values == null ? [] : asArray(values, 'arrayValue.values').map((item) => readAnyValue(item, depth + 1));
  }
  if ((x = field(v, 'kvlistValue', 'kvlist_value')) !== undefined) {
    if (depth >= MAX_ANY_VALUE_DEPTH) throw tooDeep();
    return readAttributes(x == null ? undefined : asObject(x, 'kvlistValue')['values'], depth + 1);
  }
  if ((x = field(v, 'bytesValue', 'bytes_value')) !== undefined) {
    if (typeof x !== 'string') throw structure('bytesValue must be a base64 string');
    return new Uint8Array(Buffer.from(x, 'base64'));
  }
  return null;
}

/** An id from hex (or base64 of exactly the right length); problems are collected, not thrown. */
function readId(value: unknown, byteLength: number, name: string, problems: string[]): string {
  if (value == null || value === '') return '';
  if (typeof value !== 'string') {
    problems.push(`${name} must be a hex string`);
    return '';
  }
  if (HEX_ID.test(value) && value.length % 2 === 0) return value.toLowerCase();
  if (value.length === Math.ceil(byteLength / 3) * 4 && BASE64_ID.test(value)) {
    const bytes = Buffer.from(value, 'base64');
    if (bytes.length === byteLength) return bytes.toString('hex');
  }
  problems.push(`${name} is not hex`);
  return '';
}

const MAX_UINT64 = 2n ** 64n - 1n;

/**
 * A `fixed64` field (a time in ns). A value beyond uint64 (JSON can spell `8.6e24` or a
 * 30-digit string) is a problem of this span alone, never a thrown error for the request.
 */
function readUint64(value: unknown, name: string, problems: string[]): bigint {
  if (value == null) return 0n;
  let n: bigint | null = null;
  if (typeof value === 'string' && /^\d{1,30}$/.test(value)) n = BigInt(value);
  else if (typeof value === 'number' && Number.isInteger(value) && value >= 0) n = BigInt(value);
  if (n !== null && n <= MAX_UINT64) return n;
  problems.push(n === null ? `${name} is not an unsigned integer` : `${name} ${value} is above the uint64 range`);
  return 0n;
}

function readInt64(value: unknown): number | bigint {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw structure('intValue must be an integer');
    return value;
  }
  if (typeof value === 'string' && /^-?\d+$/.test(value)) {
    const n = Number(value);
    return Number.isSafeInteger(n) ? n : BigInt(value);
  }
  throw structure('intValue must be an integer or a decimal string');
}

function readDouble(value: unknown): number {
  if (typeof value === 'number') return value;
  if (value === 'NaN') return Number.NaN;
  if (value === 'Infinity') return Number.POSITIVE_INFINITY;
  if (value === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  throw structure('doubleValue must be a number');
}

function readEnum(value: unknown, names: Record<string, number>, name: string): number {
  if (value == null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string') {
    const known = names[value];
    if (known !== undefined) return known;
    if (/^\d+$/.test(value)) return Number(value);
  }
  throw structure(`${name} must be an integer enum value`);
}

function field(obj: Json, camel: string, snake: string): unknown {
  const value = obj[camel];
  return value !== undefined ? value : obj[snake];
}

function asObject(value: unknown, what: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw structure(`${what} must be an object`);
  return value as Json;
}

function asArray(value: unknown, what: string): readonly unknown[] {
  if (value == null) return NO_ITEMS;
  if (!Array.isArray(value)) throw structure(`${what} must be an array`);
  return value;
}

function optionalString(value: unknown, what: string): string {
  if (value == null) return '';
  if (typeof value !== 'string') throw structure(`${what} must be a string`);
  return value;
}

function structure(message: string): OtlpDecodeError {
  return new OtlpDecodeError('invalid_structure', message);
}

function tooDeep(): OtlpDecodeError {
  return new OtlpDecodeError('too_deep', `attribute value nests deeper than ${MAX_ANY_VALUE_DEPTH} levels`);
}
