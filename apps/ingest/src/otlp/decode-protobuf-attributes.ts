import type { BinaryReader } from '@bufbuild/protobuf/wire';
import type { AttrValue, Attributes } from './decoded-span.ts';
import { MAX_ANY_VALUE_DEPTH, OtlpDecodeError } from './otlp-decode-error.ts';
import { Wire } from './otlp-fields.ts';
import { expectEnd, lengthEnd, readInt64, readString, skipField } from './protobuf-wire.ts';
import { setAttribute } from './set-attribute.ts';

// `KeyValue`, `AnyValue` (a oneof), `ArrayValue`/`KeyValueList` (items in field 1); see otlp-fields.ts.
const T_KV_KEY = (1 << 3) | Wire.LEN;
const T_KV_VALUE = (2 << 3) | Wire.LEN;
const T_ANY_STRING = (1 << 3) | Wire.LEN;
const T_ANY_BOOL = (2 << 3) | Wire.VARINT;
const T_ANY_INT = (3 << 3) | Wire.VARINT;
const T_ANY_DOUBLE = (4 << 3) | Wire.I64;
const T_ANY_ARRAY = (5 << 3) | Wire.LEN;
const T_ANY_KVLIST = (6 << 3) | Wire.LEN;
const T_ANY_BYTES = (7 << 3) | Wire.LEN;
const T_LIST_VALUES = (1 << 3) | Wire.LEN;

/**
 * Reads one `KeyValue` ending at `end` and stores it in `target` (the last one wins on duplicate
 * keys). Nesting below `depth` is limited to {@link MAX_ANY_VALUE_DEPTH}.
 */
export function readKeyValue(r: BinaryReader, buf: Buffer, end: number, target: Attributes, depth: number): void {
  let key = '';
  let value: AttrValue = null;
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === T_KV_KEY) key = readString(r, buf);
    else if (tag === T_KV_VALUE) value = readAnyValue(r, buf, lengthEnd(r, end), depth);
    else skipField(r, buf, tag, end);
  }
  expectEnd(r, end);
  setAttribute(target, key, value);
}

function readAnyValue(r: BinaryReader, buf: Buffer, end: number, depth: number): AttrValue {
  let value: AttrValue = null;
  while (r.pos < end) {
    const tag = r.uint32();
    switch (tag) {
      case T_ANY_STRING:
        value = readString(r, buf);
        break;
      case T_ANY_INT:
        value = readInt64(r, buf);
        break;
      case T_ANY_DOUBLE:
        value = r.double();
        break;
      case T_ANY_BOOL:
        value = r.bool();
        break;
      case T_ANY_ARRAY:
        value = readArrayValue(r, buf, lengthEnd(r, end), depth + 1);
        break;
      case T_ANY_KVLIST:
        value = readKeyValueList(r, buf, lengthEnd(r, end), depth + 1);
        break;
      case T_ANY_BYTES:
        // Copied so that a kept attribute does not pin the whole request body in memory.
        value = new Uint8Array(r.bytes());
        break;
      default:
        skipField(r, buf, tag, end);
    }
  }
  expectEnd(r, end);
  return value;
}

function readArrayValue(r: BinaryReader, buf: Buffer, end: number, depth: number): AttrValue[] {
  if (depth > MAX_ANY_VALUE_DEPTH) throw tooDeep();
  const values: AttrValue[] = [];
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === T_LIST_VALUES) values.push(readAnyValue(r, buf, lengthEnd(r, end), depth));
    else skipField(r, buf, tag, end);
  }
  expectEnd(r, end);
  return values;
}

function readKeyValueList(r: BinaryReader, buf: Buffer, end: number, depth: number): Attributes {
  if (depth > MAX_ANY_VALUE_DEPTH) throw tooDeep();
  const values: Attributes = {};
  while (r.pos < end) {
    const tag = r.uint32();
    if (tag === T_LIST_VALUES) readKeyValue(r, buf, lengthEnd(r, end), values, depth);
    else skipField(r, buf, tag, end);
  }
  expectEnd(r, end);
  return values;
}

function tooDeep(): OtlpDecodeError {
  return new OtlpDecodeError('too_deep', `attribute value nests deeper than ${MAX_ANY_VALUE_DEPTH} levels`);
}
