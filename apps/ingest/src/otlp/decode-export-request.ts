import type { DecodedSpan } from './decoded-span.ts';
import { decodeOtlpJson } from './decode-otlp-json.ts';
import { decodeOtlpProtobuf } from './decode-otlp-protobuf.ts';
import { OtlpDecodeError } from './otlp-decode-error.ts';

/** The two OTLP/HTTP encodings. */
export type OtlpFormat = 'protobuf' | 'json';

/**
 * The format named by a `Content-Type` header (parameters such as `charset` are ignored), or
 * null when it is neither `application/x-protobuf` (also `application/protobuf`) nor
 * `application/json`.
 */
export function otlpFormatOf(contentType: string | undefined): OtlpFormat | null {
  if (contentType === undefined) return null;
  const semicolon = contentType.indexOf(';');
  const mediaType = (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
  if (mediaType === 'application/x-protobuf' || mediaType === 'application/protobuf') return 'protobuf';
  if (mediaType === 'application/json') return 'json';
  return null;
}

/**
 * Decodes an already decompressed `ExportTraceServiceRequest` body in the given format.
 *
 * @throws {OtlpDecodeError} when the body is malformed (answer 400).
 */
export function decodeExportRequest(body: Uint8Array, format: OtlpFormat): DecodedSpan[] {
  if (format === 'protobuf') return decodeOtlpProtobuf(body);
  if (format === 'json') return decodeOtlpJson(body);
  throw new OtlpDecodeError('unsupported_content_type', `unsupported OTLP format ${String(format)}`);
}
