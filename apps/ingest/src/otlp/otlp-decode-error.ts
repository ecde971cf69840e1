/** Why a whole OTLP request body could not be decoded. */
export type OtlpDecodeReason =
  /** The protobuf bytes are truncated or not a valid `ExportTraceServiceRequest`. */
  | 'invalid_protobuf'
  /** The body is not valid JSON. */
  | 'invalid_json'
  /** Valid JSON, but not shaped like an OTLP/JSON `ExportTraceServiceRequest`. */
  | 'invalid_structure'
  /** Attribute values nest deeper than {@link MAX_ANY_VALUE_DEPTH}. */
  | 'too_deep'
  /** The content type is neither protobuf nor JSON. */
  | 'unsupported_content_type';

/** Deepest nesting of `array_value`/`kvlist_value` accepted in one attribute value. */
export const MAX_ANY_VALUE_DEPTH = 32;

/**
 * Thrown when a whole request body is malformed. The server answers 400 (not retried by
 * exporters) with `message` in a `google.rpc.Status`.
 */
export class OtlpDecodeError extends Error {
  override readonly name = 'OtlpDecodeError';

  constructor(
    readonly reason: OtlpDecodeReason,
    message: string,
  ) {
    super(message);
  }
}
