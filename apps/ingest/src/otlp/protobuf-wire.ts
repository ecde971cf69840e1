import type { BinaryReader } from '@bufbuild/protobuf/wire';
import { decodeUtf8Cached } from './decode-utf8-cached.ts';
import { OtlpDecodeError } from './otlp-decode-error.ts';
import { Wire } from './otlp-fields.ts';

/** Low-level reads over `@bufbuild/protobuf`'s `BinaryReader`, with bounds checked against the enclosing message. */

/**
 * An int64 varint as a number when it is a safe integer, else a bigint. Values of up to 7 bytes
 * (49 bits, which covers every token count) are read without BigInt.
 */
export function readInt64(r: BinaryReader, buf: Buffer): number | bigint {
  let pos = r.pos;
  let result = 0;
  let multiplier = 1;
  for (let i = 0; i < 7; i++) {
    const byte = buf[pos++];
    if (byte === undefined) throw new OtlpDecodeError('invalid_protobuf', 'truncated varint');
    result += (byte & 0x7f) * multiplier;
    if (byte < 0x80) {
      r.pos = pos;
      return result;
    }
    multiplier *= 128;
  }
  const big = asBigInt(r.int64());
  const asNumber = Number(big);
  return Number.isSafeInteger(asNumber) ? asNumber : big;
}

/** A `fixed64`/`int64` read as a bigint (the reader gives a string where BigInt is unavailable). */
export function asBigInt(value: bigint | string): bigint {
  return typeof value === 'bigint' ? value : BigInt(value);
}

/** A length-delimited UTF-8 string. */
export function readString(r: BinaryReader, buf: Buffer): string {
  const end = lengthEnd(r, buf.length);
  const start = r.pos;
  r.pos = end;
  return decodeUtf8Cached(buf, start, end);
}

/** Reads a length prefix and returns where the value ends, checked against the enclosing end. */
export function lengthEnd(r: BinaryReader, limit: number): number {
  const length = r.uint32();
  const end = r.pos + length;
  if (end > limit || r.pos > limit) {
    throw new OtlpDecodeError('invalid_protobuf', 'length-delimited field overruns its message');
  }
  return end;
}

/** Throws unless the reader stopped exactly at the end of the message. */
export function expectEnd(r: BinaryReader, end: number): void {
  if (r.pos !== end) throw new OtlpDecodeError('invalid_protobuf', 'field overruns its message');
}

/** Skips a field that is not read (unknown, or a known one sent with another wire type). */
export function skipField(r: BinaryReader, buf: Buffer, tag: number, limit: number): void {
  const fieldNo = tag >>> 3;
  const wireType = tag & 7;
  if (fieldNo === 0) throw new OtlpDecodeError('invalid_protobuf', 'illegal field number 0');
  switch (wireType) {
    case Wire.VARINT: {
      let pos = r.pos;
      let n = 0;
      while (buf[pos++]! & 0x80) {
        if (++n > 9) throw new OtlpDecodeError('invalid_protobuf', 'varint too long');
      }
      r.pos = pos;
      break;
    }
    case Wire.I64:
      r.pos += 8;
      break;
    case Wire.LEN:
      r.pos = lengthEnd(r, limit);
      break;
    case Wire.I32:
      r.pos += 4;
      break;
    case Wire.SGROUP:
      r.skip(Wire.SGROUP, fieldNo);
      break;
    default:
      throw new OtlpDecodeError('invalid_protobuf', `illegal wire type ${wireType}`);
  }
  if (r.pos > limit) throw new OtlpDecodeError('invalid_protobuf', 'field overruns its message');
}
