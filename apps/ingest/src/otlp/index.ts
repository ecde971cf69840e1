export {
  NO_ATTRIBUTES,
  NO_ITEMS,
  SpanKind,
  StatusCode,
  type AttrMap,
  type AttrValue,
  type Attributes,
  type DecodedEvent,
  type DecodedLink,
  type DecodedSpan,
} from './decoded-span.ts';
export { decodeExportRequest, otlpFormatOf, type OtlpFormat } from './decode-export-request.ts';
export { decodeOtlpProtobuf } from './decode-otlp-protobuf.ts';
export { decodeOtlpJson } from './decode-otlp-json.ts';
export {
  encodeExportResponse,
  encodeExportTraceResponseJson,
  encodeExportTraceResponseProtobuf,
  type ExportTracePartialSuccess,
} from './encode-export-response.ts';
export {
  RpcCode,
  encodeRpcStatusJson,
  encodeRpcStatusProtobuf,
  encodeStatus,
  rpcCodeForHttpStatus,
  type RpcStatus,
} from './encode-rpc-status.ts';
export { MAX_ANY_VALUE_DEPTH, OtlpDecodeError, type OtlpDecodeReason } from './otlp-decode-error.ts';
