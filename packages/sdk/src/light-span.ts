import {
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  type Attributes,
  type AttributeValue,
  type HrTime,
  type Span,
  type SpanContext,
  type SpanStatus,
} from '@opentelemetry/api';
import { hrTime, hrTimeDuration, type InstrumentationScope } from '@opentelemetry/core';
import type { Resource } from '@opentelemetry/resources';
import { RandomIdGenerator, type ReadableSpan } from '@opentelemetry/sdk-trace-base';

/** Where a finished {@link LightSpan} goes: the span processor's queue. */
export interface LightSpanSink {
  enqueue(span: ReadableSpan): void;
}

const ids = new RandomIdGenerator();
const ZERO: HrTime = [0, 0];

/**
 * A call span made directly by the SDK when it owns the tracer provider: a plain record that is
 * both an OpenTelemetry API `Span` (so it can be the active span of the call) and a `ReadableSpan`
 * (so the OTLP exporter and the in-memory exporter take it as is).
 *
 * Why not the SDK tracer's spans: a `SpanImpl` goes through sampler, id generation, attribute
 * sanitising, span-limit bookkeeping, self-observability metrics and the processor chain. In a tight
 * loop that is ~6 µs, but measured between real network calls on a busy machine (cold caches) it
 * was ~50 µs of the wrapper's cost. Here the hot path is an object, two clock reads and a push;
 * ids and times in OTLP form are computed when the span is exported. Attribute values are the
 * SDK's own (valid by construction), so nothing needs sanitising.
 */
export class LightSpan implements Span, ReadableSpan {
  readonly kind = SpanKind.CLIENT;
  readonly links = [];
  readonly events = [];
  readonly droppedAttributesCount = 0;
  readonly droppedEventsCount = 0;
  readonly droppedLinksCount = 0;
  status: SpanStatus = { code: SpanStatusCode.UNSET };
  ended = false;
  private readonly startedAt = performance.now();
  private endedAt = 0;
  private context: SpanContext | undefined;

  constructor(
    private readonly sink: LightSpanSink,
    public name: string,
    readonly attributes: Attributes,
    readonly resource: Resource,
    readonly instrumentationScope: InstrumentationScope,
    readonly parentSpanContext: SpanContext | undefined,
  ) {}

  /** Generated on first use (export, or a child span), not on the hot path. */
  spanContext(): SpanContext {
    this.context ??= {
      traceId: this.parentSpanContext?.traceId ?? ids.generateTraceId(),
      spanId: ids.generateSpanId(),
      traceFlags: TraceFlags.SAMPLED,
      ...(this.parentSpanContext?.traceState ? { traceState: this.parentSpanContext.traceState } : {}),
    };
    return this.context;
  }

  get startTime(): HrTime {
    return hrTime(this.startedAt);
  }

  get endTime(): HrTime {
    return this.ended ? hrTime(this.endedAt) : ZERO;
  }

  get duration(): HrTime {
    return this.ended ? hrTimeDuration(this.startTime, this.endTime) : ZERO;
  }

  setAttribute(key: string, value: AttributeValue | undefined): this {
    if (!this.ended && value !== undefined && value !== null) this.attributes[key] = value;
    return this;
  }

  setAttributes(attributes: Attributes): this {
    for (const key in attributes) this.setAttribute(key, attributes[key]);
    return this;
  }

  setStatus(status: SpanStatus): this {
    if (!this.ended) this.status = status;
    return this;
  }

  updateName(name: string): this {
    if (!this.ended) this.name = name;
    return this;
  }

  addEvent(): this {
    return this;
  }

  addLink(): this {
    return this;
  }

  addLinks(): this {
    return this;
  }

  recordException(): void {}

  isRecording(): boolean {
    return !this.ended;
  }

  /** Ends the span; `endTime` is a `performance.now()` value (the SDK passes the call's end). */
  end(endTime?: number): void {
    if (this.ended) return;
    this.endedAt = typeof endTime === 'number' ? endTime : performance.now();
    this.ended = true;
    this.sink.enqueue(this);
  }
}
