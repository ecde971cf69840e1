import { BinaryReader } from '@bufbuild/protobuf/wire';
import {
  NO_ATTRIBUTES,
  NO_ITEMS,
  type Attributes,
  type DecodedEvent,
  type DecodedLink,
  type DecodedSpan,
} from './decoded-span.ts';
import { readKeyValue } from './decode-protobuf-attributes.ts';
import { OtlpDecodeError } from './otlp-decode-error.ts';
import { Wire } from './otlp-fields.ts';
import { asBigInt, expectEnd, lengthEnd, readString, skipField } from './protobuf-wire.ts';
import { checkSpanIds, normalizeParentId } from './span-ids.ts';

// Tags are `(field number << 3) | wire type`, switched on whole so that a known field sent with
// an unexpected wire type is skipped like an unknown field. Field numbers: see otlp-fields.ts.
const T_REQUEST_RESOURCE_SPANS = (1 << 3) | Wire.LEN;
const T_RS_RESOURCE = (1 << 3) | Wire.LEN;
const T_RS_SCOPE_SPANS = (2 << 3) | Wire.LEN;
const T_RESOURCE_ATTRIBUTES = (1 << 3) | Wire.LEN;
const T_SS_SCOPE = (1 << 3) | Wire.LEN;
const T_SS_SPANS = (2 << 3) | Wire.LEN;
const T_SCOPE_NAME = (1 << 3) | Wire.LEN;
const T_SCOPE_VERSION = (2 << 3) | Wire.LEN;
const T_SPAN_TRACE_ID = (1 << 3) | Wire.LEN;
const T_SPAN_SPAN_ID = (2 << 3) | Wire.LEN;
const T_SPAN_PARENT_SPAN_ID = (4 << 3) | Wire.LEN;
const T_SPAN_NAME = (5 << 3) | Wire.LEN;
const T_SPAN_KIND = (6 << 3) | Wire.VARINT;
const T_SPAN_START = (7 << 3) | Wire.I64;
const T_SPAN_END = (8 << 3) | Wire.I64;
const T_SPAN_ATTRIBUTES = (9 << 3) | Wire.LEN;
const T_SPAN_EVENTS = (11 << 3) | Wire.LEN;
const T_SPAN_LINKS = (13 << 3) | Wire.LEN;
const T_SPAN_STATUS = (15 << 3) | Wire.LEN;
const T_EVENT_TIME = (1 << 3) | Wire.I64;
const T_EVENT_NAME = (2 << 3) | Wire.LEN;
const T_EVENT_ATTRIBUTES = (3 << 3) | Wire.LEN;
const T_LINK_TRACE_ID = (1 << 3) | Wire.LEN;
const T_LINK_SPAN_ID = (2 << 3) | Wire.LEN;
const T_LINK_ATTRIBUTES = (4 << 3) | Wire.LEN;
const T_STATUS_MESSAGE = (2 << 3) | Wire.LEN;
const T_STATUS_CODE = (3 << 3) | Wire.VARINT;

/**
 * Decodes a protobuf `ExportTraceServiceRequest` straight into {@link DecodedSpan}s, reading the
 * wire format with `@bufbuild/protobuf`'s `BinaryReader` (no intermediate message objects).
 * Strings and ids are read with Node's native `Buffer` decoding over the same bytes (short
 * repeated strings come from a cache, see `decodeUtf8Cached`).
 * Unknown fields are skipped. Spans with bad ids are returned with `invalidReason` set.
 *
 * @throws {OtlpDecodeError} `invalid_protobuf` when the bytes are truncated or malformed,
 *   `too_deep` when an attribute value nests deeper than `MAX_ANY_VALUE_DEPTH`.
 */
export function decodeOtlpProtobuf(body: Uint8Array): DecodedSpan[] {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const r = new BinaryReader(buf);
  const out: DecodedSpan[] = [];
  try {
    const end = buf.length;
    while (r.pos < end) {
      const tag = r.uint32();
      if (tag === T_REQUEST_RESOURCE_SPANS) readResourceSpans(r, buf, lengthEnd(r, end), out);
      else skipField(r, buf, tag, end);
    }
    expectEnd(r, end);
  } catch (error) {
    if (error instanceof OtlpDecodeError) throw error;
    throw new OtlpDecodeError('invalid_protobuf', `malformed protobuf body: ${(error as Error).message}`);
  }
  return out;
}

function readResourceSpans(r: BinaryReader, buf: Buffer, end: number, out: DecodedSpan[]): void {
  const first = out.length;
  let resource: Attributes = NO_ATTRIBUTES;
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === T_RS_SCOPE_SPANS) readScopeSpans(r, buf, lengthEnd(r, end), resource, out);
    else if (tag === T_RS_RESOURCE) {
      resource = readResource(r, buf, lengthEnd(r, end));
      // The resource normally comes first; if it came after some spans, give it to them.
      for (let i = first; i < out.length; i++) out[i]!.resource = resource;
    } else skipField(r, buf, tag, end);
  }
  expectEnd(r, end);
}

function readResource(r: BinaryReader, buf: Buffer, end: number): Attributes {
  const attributes: Attributes = {};
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === T_RESOURCE_ATTRIBUTES) readKeyValue(r, buf, lengthEnd(r, end), attributes, 0);
    else skipField(r, buf, tag, end);
  }
  expectEnd(r, end);
  return attributes;
}

function readScopeSpans(
  r: BinaryReader,
  buf: Buffer,
  end: number,
  resource: Attributes,
  out: DecodedSpan[],
): void {
  const first = out.length;
  let scopeName = '';
  let scopeVersion = '';
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === T_SS_SPANS) {
      out.push(readSpan(r, buf, lengthEnd(r, end), resource, scopeName, scopeVersion));
    } else if (tag === T_SS_SCOPE) {
      const scopeEnd = lengthEnd(r, end);
      while (r.pos < scopeEnd) {
        const t = r.uint32();
        if (t === T_SCOPE_NAME) scopeName = readString(r, buf);
        else if (t === T_SCOPE_VERSION) scopeVersion = readString(r, buf);
        else skipField(r, buf, t, scopeEnd);
      }
      expectEnd(r, scopeEnd);
      for (let i = first; i < out.length; i++) {
        out[i]!.scopeName = scopeName;
        out[i]!.scopeVersion = scopeVersion;
      }
    } else skipField(r, buf, tag, end);
  }
  expectEnd(r, end);
}

function readSpan(
  r: BinaryReader,
  buf: Buffer,
  end: number,
  resource: Attributes,
  scopeName: string,
  scopeVersion: string,
): DecodedSpan {
  let traceStart = 0;
  let traceEnd = 0;
  let spanStart = 0;
  let spanEnd = 0;
  let parentStart = 0;
  let parentEnd = 0;
  let name = '';
  let kind = 0;
  let start = 0n;
  let finish = 0n;
  let statusCode = 0;
  let statusMessage = '';
  let attributes: Attributes | null = null;
  let events: DecodedEvent[] | null = null;
  let links: DecodedLink[] | null = null;
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag) {
      case T_SPAN_TRACE_ID:
        traceEnd = lengthEnd(r, end);
        traceStart = r.pos;
        r.pos = traceEnd;
        break;
      case T_SPAN_SPAN_ID:
        spanEnd = lengthEnd(r, end);
        spanStart = r.pos;
        r.pos = spanEnd;
        break;
      case T_SPAN_PARENT_SPAN_ID:
        parentEnd = lengthEnd(r, end);
        parentStart = r.pos;
        r.pos = parentEnd;
        break;
      case T_SPAN_NAME:
        name = readString(r, buf);
        break;
      case T_SPAN_KIND:
        kind = r.int32();
        break;
      case T_SPAN_START:
        start = asBigInt(r.fixed64());
        break;
      case T_SPAN_END:
        finish = asBigInt(r.fixed64());
        break;
      case T_SPAN_ATTRIBUTES:
        attributes ??= {};
        readKeyValue(r, buf, lengthEnd(r, end), attributes, 0);
        break;
      case T_SPAN_EVENTS:
        (events ??= []).push(readEvent(r, buf, lengthEnd(r, end)));
        break;
      case T_SPAN_LINKS:
        (links ??= []).push(readLink(r, buf, lengthEnd(r, end)));
        break;
      case T_SPAN_STATUS: {
        const statusEnd = lengthEnd(r, end);
        while (r.pos < statusEnd) {
          const t = r.uint32();
          if (t === T_STATUS_CODE) statusCode = r.int32();
          else if (t === T_STATUS_MESSAGE) statusMessage = readString(r, buf);
          else skipField(r, buf, t, statusEnd);
        }
        expectEnd(r, statusEnd);
        break;
      }
      default:
        skipField(r, buf, tag, end);
    }
  }
  expectEnd(r, end);
  const traceId = buf.toString('hex', traceStart, traceEnd);
  const spanId = buf.toString('hex', spanStart, spanEnd);
  const parentSpanId = normalizeParentId(buf.toString('hex', parentStart, parentEnd));
  return {
    traceId,
    spanId,
    parentSpanId,
    name,
    kind,
    startTimeUnixNano: start,
    endTimeUnixNano: finish,
    statusCode,
    statusMessage,
    attributes: attributes ?? {},
    events: events ?? NO_ITEMS,
    links: links ?? NO_ITEMS,
    resource,
    scopeName,
    scopeVersion,
    invalidReason: checkSpanIds(traceId, spanId, parentSpanId),
  };
}

function readEvent(r: BinaryReader, buf: Buffer, end: number): DecodedEvent {
  let timeUnixNano = 0n;
  let name = '';
  const attributes: Attributes = {};
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === T_EVENT_ATTRIBUTES) readKeyValue(r, buf, lengthEnd(r, end), attributes, 0);
    else if (tag === T_EVENT_NAME) name = readString(r, buf);
    else if (tag === T_EVENT_TIME) timeUnixNano = asBigInt(r.fixed64());
    else skipField(r, buf, tag, end);
  }
  expectEnd(r, end);
  return { timeUnixNano, name, attributes };
}

function readLink(r: BinaryReader, buf: Buffer, end: number): DecodedLink {
  let traceId = '';
  let spanId = '';
  const attributes: Attributes = {};
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === T_LINK_TRACE_ID || tag === T_LINK_SPAN_ID) {
      const idEnd = lengthEnd(r, end);
      const hex = buf.toString('hex', r.pos, idEnd);
      r.pos = idEnd;
      if (tag === T_LINK_TRACE_ID) traceId = hex;
      else spanId = hex;
    } else if (tag === T_LINK_ATTRIBUTES) readKeyValue(r, buf, lengthEnd(r, end), attributes, 0);
    else skipField(r, buf, tag, end);
  }
  expectEnd(r, end);
  return { traceId, spanId, attributes };
}
