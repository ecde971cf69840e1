/**
 * The compact form both OTLP decoders (protobuf and JSON) produce: one object per span, with the
 * resource and scope flattened onto it. Mappers read only this, never the wire format.
 */

/**
 * An attribute value. OTLP `int_value` (int64) becomes a `number` when it is a safe integer and a
 * `bigint` otherwise; `bytes_value` stays a `Uint8Array`; an empty `AnyValue` is `null`;
 * `array_value` is an array and `kvlist_value` a plain object.
 */
export type AttrValue =
  | string
  | number
  | boolean
  | bigint
  | Uint8Array
  | null
  | readonly AttrValue[]
  | AttrMap;

/** A `kvlist_value`, or a whole attribute set. */
export interface AttrMap {
  readonly [key: string]: AttrValue;
}

/** Attributes of a span, event, link or resource, keyed by attribute name. */
export type Attributes = Record<string, AttrValue>;

/** OTLP `Span.SpanKind`. */
export const SpanKind = {
  UNSPECIFIED: 0,
  INTERNAL: 1,
  SERVER: 2,
  CLIENT: 3,
  PRODUCER: 4,
  CONSUMER: 5,
} as const;

/** OTLP `Status.StatusCode`. */
export const StatusCode = {
  UNSET: 0,
  OK: 1,
  ERROR: 2,
} as const;

/** A span event (`Span.Event`). */
export interface DecodedEvent {
  timeUnixNano: bigint;
  name: string;
  attributes: Attributes;
}

/** A span link (`Span.Link`); ids are lowercase hex as they arrived, not validated. */
export interface DecodedLink {
  traceId: string;
  spanId: string;
  attributes: Attributes;
}

/** One span, with its resource and instrumentation scope. */
export interface DecodedSpan {
  /** 32 lowercase hex characters when valid (see `invalidReason`). */
  traceId: string;
  /** 16 lowercase hex characters when valid. */
  spanId: string;
  /** Null for a root span. */
  parentSpanId: string | null;
  name: string;
  /** A {@link SpanKind} value (other integers are kept as sent). */
  kind: number;
  startTimeUnixNano: bigint;
  endTimeUnixNano: bigint;
  /** A {@link StatusCode} value. */
  statusCode: number;
  statusMessage: string;
  attributes: Attributes;
  /** Empty (a shared frozen array) when the span has none. */
  events: readonly DecodedEvent[];
  /** Empty (a shared frozen array) when the span has none. */
  links: readonly DecodedLink[];
  /** Shared by every span of the same `ResourceSpans`: do not mutate. */
  resource: Attributes;
  scopeName: string;
  scopeVersion: string;
  /**
   * Why this span alone must be rejected (bad trace/span/parent id, unreadable timestamp), or
   * null when it is well-formed. The rest of the request is still usable.
   */
  invalidReason: string | null;
}

/** Shared empty list for spans without events or links. */
export const NO_ITEMS: readonly never[] = Object.freeze([]);

/** Shared empty attribute set (frozen). */
export const NO_ATTRIBUTES: Attributes = Object.freeze({}) as Attributes;
