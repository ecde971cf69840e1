import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import type { OtlpFormat } from './decode-export-request.ts';
import { RpcStatusField } from './otlp-fields.ts';

/** A `google.rpc.Status`, the body of OTLP/HTTP error responses (4xx/5xx). */
export interface RpcStatus {
  /** A `google.rpc.Code` (e.g. 3 INVALID_ARGUMENT for a 400, 8 RESOURCE_EXHAUSTED for a 429). */
  code: number;
  message: string;
}

/** Encodes a `google.rpc.Status` as protobuf (no `details`). */
export function encodeRpcStatusProtobuf(status: RpcStatus): Uint8Array {
  const writer = new BinaryWriter();
  if (status.code !== 0) writer.tag(RpcStatusField.CODE, WireType.Varint).int32(status.code);
  if (status.message !== '') writer.tag(RpcStatusField.MESSAGE, WireType.LengthDelimited).string(status.message);
  return writer.finish();
}

/** Encodes a `google.rpc.Status` as JSON: `{"code":3,"message":"..."}`. */
export function encodeRpcStatusJson(status: RpcStatus): string {
  return JSON.stringify({ code: status.code, message: status.message });
}

/** `google.rpc.Code` values used by {@link rpcCodeForHttpStatus}. */
export const RpcCode = {
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  UNAUTHENTICATED: 16,
} as const;

/** The `google.rpc.Code` that goes with an HTTP error status in an OTLP error body. */
export function rpcCodeForHttpStatus(httpStatus: number): number {
  switch (httpStatus) {
    case 401:
      return RpcCode.UNAUTHENTICATED;
    case 403:
      return RpcCode.PERMISSION_DENIED;
    case 404:
      return RpcCode.NOT_FOUND;
    case 405:
      return RpcCode.UNIMPLEMENTED;
    case 413:
    case 429:
      return RpcCode.RESOURCE_EXHAUSTED;
    case 500:
      return RpcCode.INTERNAL;
    case 502:
    case 503:
      return RpcCode.UNAVAILABLE;
    case 504:
      return RpcCode.DEADLINE_EXCEEDED;
    default:
      return httpStatus >= 400 && httpStatus < 500 ? RpcCode.INVALID_ARGUMENT : RpcCode.UNKNOWN;
  }
}

const utf8 = new TextEncoder();

/**
 * The body of an OTLP/HTTP error answer: a `google.rpc.Status` whose code matches `httpStatus`,
 * in the request's format, as bytes.
 */
export function encodeStatus(format: OtlpFormat, httpStatus: number, message: string): Uint8Array {
  const status = { code: rpcCodeForHttpStatus(httpStatus), message };
  return format === 'protobuf' ? encodeRpcStatusProtobuf(status) : utf8.encode(encodeRpcStatusJson(status));
}
