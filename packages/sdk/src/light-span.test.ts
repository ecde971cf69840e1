import { ROOT_CONTEXT, SpanStatusCode, trace, TraceFlags } from '@opentelemetry/api';
import { hrTimeToMilliseconds } from '@opentelemetry/core';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterEach, describe, expect, it } from 'vitest';
import { shutdown } from './init.js';
import { LightSpan } from './light-span.js';
import { getRuntime } from './runtime.js';
import { initTesting } from './testing/index.js';

const resource = resourceFromAttributes({ 'service.name': 't' });
const scope = { name: '@tierlens/sdk', version: '0' };

afterEach(() => shutdown());

describe('LightSpan', () => {
  it('is queued once when ended, with OTLP-ready times and lazily made ids', () => {
    const queued: ReadableSpan[] = [];
    const span = new LightSpan({ enqueue: (s) => queued.push(s) }, 'chat m', { a: 1 }, resource, scope, undefined);
    span.setAttribute('b', 'x').setAttributes({ c: true, d: undefined });
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'boom' });
    span.end();
    span.end();
    span.setAttribute('late', 1);
    expect(queued).toHaveLength(1);
    expect(span.attributes).toEqual({ a: 1, b: 'x', c: true });
    expect(span.status.code).toBe(SpanStatusCode.ERROR);
    const { traceId, spanId, traceFlags } = span.spanContext();
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(spanId).toMatch(/^[0-9a-f]{16}$/);
    expect(traceFlags).toBe(TraceFlags.SAMPLED);
    expect(span.spanContext()).toBe(span.spanContext());
    expect(Math.abs(hrTimeToMilliseconds(span.startTime) - Date.now())).toBeLessThan(1000);
    expect(hrTimeToMilliseconds(span.duration)).toBeGreaterThanOrEqual(0);
  });

  it("joins the caller's trace when a span is active", async () => {
    const t = initTesting();
    const parent = trace.wrapSpanContext({ traceId: 'a'.repeat(32), spanId: 'b'.repeat(16), traceFlags: TraceFlags.SAMPLED });
    const child = getRuntime()!.startSpan('chat m', {}, trace.setSpan(ROOT_CONTEXT, parent));
    child.end();
    const [span] = await t.getSpans();
    expect(span?.spanContext().traceId).toBe('a'.repeat(32));
    expect(span?.parentSpanContext?.spanId).toBe('b'.repeat(16));
  });
});
