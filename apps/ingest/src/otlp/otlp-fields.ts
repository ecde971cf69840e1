/**
 * Field numbers of the OTLP trace messages this decoder reads, from opentelemetry-proto v1.x
 * (`collector/trace/v1/trace_service.proto`, `trace/v1/trace.proto`,
 * `resource/v1/resource.proto`, `common/v1/common.proto`). Fields not listed are skipped, as
 * protobuf requires of unknown fields.
 */

/** Protobuf wire types. */
export const Wire = {
  VARINT: 0,
  I64: 1,
  LEN: 2,
  SGROUP: 3,
  EGROUP: 4,
  I32: 5,
} as const;

/** `ExportTraceServiceRequest`. */
export const ExportTraceServiceRequestField = { RESOURCE_SPANS: 1 } as const;

/** `ResourceSpans` (field 1000, the pre-1.0 `instrumentation_library_spans`, is reserved and skipped). */
export const ResourceSpansField = { RESOURCE: 1, SCOPE_SPANS: 2, SCHEMA_URL: 3 } as const;

/** `Resource`. */
export const ResourceField = { ATTRIBUTES: 1, DROPPED_ATTRIBUTES_COUNT: 2, ENTITY_REFS: 3 } as const;

/** `ScopeSpans`. */
export const ScopeSpansField = { SCOPE: 1, SPANS: 2, SCHEMA_URL: 3 } as const;

/** `InstrumentationScope`. */
export const InstrumentationScopeField = {
  NAME: 1,
  VERSION: 2,
  ATTRIBUTES: 3,
  DROPPED_ATTRIBUTES_COUNT: 4,
} as const;

/** `Span`. */
export const SpanField = {
  TRACE_ID: 1, // bytes
  SPAN_ID: 2, // bytes
  TRACE_STATE: 3, // string
  PARENT_SPAN_ID: 4, // bytes
  NAME: 5, // string
  KIND: 6, // enum SpanKind
  START_TIME_UNIX_NANO: 7, // fixed64
  END_TIME_UNIX_NANO: 8, // fixed64
  ATTRIBUTES: 9, // repeated KeyValue
  DROPPED_ATTRIBUTES_COUNT: 10, // uint32
  EVENTS: 11, // repeated Event
  DROPPED_EVENTS_COUNT: 12, // uint32
  LINKS: 13, // repeated Link
  DROPPED_LINKS_COUNT: 14, // uint32
  STATUS: 15, // Status
  FLAGS: 16, // fixed32
} as const;

/** `Span.Event`. */
export const EventField = {
  TIME_UNIX_NANO: 1, // fixed64
  NAME: 2,
  ATTRIBUTES: 3,
  DROPPED_ATTRIBUTES_COUNT: 4,
} as const;

/** `Span.Link`. */
export const LinkField = {
  TRACE_ID: 1,
  SPAN_ID: 2,
  TRACE_STATE: 3,
  ATTRIBUTES: 4,
  DROPPED_ATTRIBUTES_COUNT: 5,
  FLAGS: 6, // fixed32
} as const;

/** `Status` (field 1 is reserved). */
export const StatusField = { MESSAGE: 2, CODE: 3 } as const;

/** `KeyValue`. */
export const KeyValueField = { KEY: 1, VALUE: 2 } as const;

/** `AnyValue` (a oneof). */
export const AnyValueField = {
  STRING_VALUE: 1,
  BOOL_VALUE: 2,
  INT_VALUE: 3, // int64
  DOUBLE_VALUE: 4,
  ARRAY_VALUE: 5,
  KVLIST_VALUE: 6,
  BYTES_VALUE: 7,
} as const;

/** `ArrayValue` and `KeyValueList` both hold their items in field 1. */
export const ListField = { VALUES: 1 } as const;

/** `ExportTraceServiceResponse`. */
export const ExportTraceServiceResponseField = { PARTIAL_SUCCESS: 1 } as const;

/** `ExportTracePartialSuccess`. */
export const ExportTracePartialSuccessField = { REJECTED_SPANS: 1, ERROR_MESSAGE: 2 } as const;

/** `google.rpc.Status`. */
export const RpcStatusField = { CODE: 1, MESSAGE: 2, DETAILS: 3 } as const;
