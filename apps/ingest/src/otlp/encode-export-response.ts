import { BinaryWriter, WireType } from '@bufbuild/protobuf/wire';
import type { OtlpFormat } from './decode-export-request.ts';
import { ExportTracePartialSuccessField, ExportTraceServiceResponseField } from './otlp-fields.ts';

/** What the server refused of an otherwise accepted request (`ExportTracePartialSuccess`). */
export interface ExportTracePartialSuccess {
  /** Spans refused; exporters do not retry them. */
  rejectedSpans: number;
  /** Why, for the exporter's log (may be set with `rejectedSpans` 0 as a warning). */
  errorMessage: string;
}

/**
 * Encodes an `ExportTraceServiceResponse` as protobuf. With nothing rejected and no message,
 * `partial_success` is left unset (an empty message: zero bytes), as the OTLP spec asks.
 */
export function encodeExportTraceResponseProtobuf(partial?: ExportTracePartialSuccess): Uint8Array {
  const writer = new BinaryWriter();
  if (partial !== undefined && (partial.rejectedSpans > 0 || partial.errorMessage !== '')) {
    writer.tag(ExportTraceServiceResponseField.PARTIAL_SUCCESS, WireType.LengthDelimited).fork();
    if (partial.rejectedSpans > 0) {
      writer.tag(ExportTracePartialSuccessField.REJECTED_SPANS, WireType.Varint).int64(partial.rejectedSpans);
    }
    if (partial.errorMessage !== '') {
      writer.tag(ExportTracePartialSuccessField.ERROR_MESSAGE, WireType.LengthDelimited).string(partial.errorMessage);
    }
    writer.join();
  }
  return writer.finish();
}

/**
 * Encodes an `ExportTraceServiceResponse` as OTLP/JSON: `{}` when everything was accepted, else
 * `{"partialSuccess":{"rejectedSpans":"<int64 as decimal string>","errorMessage":"..."}}`.
 */
export function encodeExportTraceResponseJson(partial?: ExportTracePartialSuccess): string {
  if (partial === undefined || (partial.rejectedSpans <= 0 && partial.errorMessage === '')) return '{}';
  const body: { rejectedSpans?: string; errorMessage?: string } = {};
  if (partial.rejectedSpans > 0) body.rejectedSpans = String(Math.trunc(partial.rejectedSpans));
  if (partial.errorMessage !== '') body.errorMessage = partial.errorMessage;
  return JSON.stringify({ partialSuccess: body });
}

const utf8 = new TextEncoder();

/**
 * The body of a 200 answer to an export, in the request's format, as bytes (so that its length
 * is the `Content-Length`). Pass `partial` when some spans were rejected.
 */
export function encodeExportResponse(format: OtlpFormat, partial?: ExportTracePartialSuccess): Uint8Array {
  return format === 'protobuf'
    ? encodeExportTraceResponseProtobuf(partial)
    : utf8.encode(encodeExportTraceResponseJson(partial));
}
