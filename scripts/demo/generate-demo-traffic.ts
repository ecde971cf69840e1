import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import { seededRandom } from '../../packages/analyzer/src/query-types/training/seeded-random.ts';
import { DEMO_STREAMS, HOURLY_SHAPE, type DemoStream } from './demo-traffic-plan.ts';

const HOUR = 3_600_000;

const between = (r: () => number, [lo, hi]: [number, number]) => Math.round(lo + r() * (hi - lo));

/**
 * Records `days` of demo traffic ending at `end` as the spans the Tierlens SDK's wrappers make
 * (GenAI conventions + Tierlens attributes), backdated through the SDK's own tracer so they go
 * through its exporter to the ingest like real calls. `flushEvery` spans, `flush` is awaited so
 * the SDK's bounded queue never drops any.
 */
export async function generateDemoTraffic(
  tracer: Tracer,
  flush: () => Promise<void>,
  options: { end: Date; days: number; scale?: number; flushEvery?: number; streams?: DemoStream[] },
): Promise<number> {
  const r = seededRandom(42); // the same seed every time, so every demo looks the same
  const scale = options.scale ?? 1;
  const flushEvery = options.flushEvery ?? 400;
  const shapeSum = HOURLY_SHAPE.reduce((a, b) => a + b, 0);
  const endHour = Math.floor(options.end.getTime() / HOUR) * HOUR;
  let made = 0;
  for (let h = options.days * 24; h >= 1; h--) {
    const hourStart = endHour - h * HOUR;
    const weekday = new Date(hourStart).getUTCDay();
    const dayFactor = weekday === 0 || weekday === 6 ? 0.45 : 1;
    const share = HOURLY_SHAPE[new Date(hourStart).getUTCHours()]! / shapeSum;
    for (const s of options.streams ?? DEMO_STREAMS) {
      const expected = s.callsPerDay * share * dayFactor * scale;
      const n = Math.floor(expected) + (r() < expected - Math.floor(expected) ? 1 : 0);
      for (let i = 0; i < n; i++) {
        recordCall(tracer, s, hourStart + Math.floor(r() * HOUR), r);
        if (++made % flushEvery === 0) await flush();
      }
    }
  }
  await flush();
  return made;
}

function recordCall(tracer: Tracer, s: DemoStream, startMs: number, r: () => number): void {
  const input = between(r, s.inputTokens);
  const truncated = r() < (s.truncationRate ?? 0);
  const failed = !truncated && r() < (s.errorRate ?? 0);
  const output = failed ? 0 : truncated ? s.outputTokens[1] : between(r, s.outputTokens);
  const durationMs = failed ? 300 + r() * 800 : 400 + output * (s.model.includes('mini') || s.model.includes('flash') || s.model.includes('haiku') ? 6 : 14) + r() * 600;
  const attributes: Record<string, string | number | boolean | string[]> = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': s.provider,
    'gen_ai.request.model': s.model,
    'gen_ai.response.model': s.model,
    'gen_ai.usage.input_tokens': input,
    'gen_ai.usage.output_tokens': output,
    'gen_ai.usage.cache_read.input_tokens': Math.floor(input * (s.cacheShare ?? 0) * r()),
    'gen_ai.usage.reasoning.output_tokens': Math.floor(output * (s.reasoningShare ?? 0)),
    'gen_ai.response.finish_reasons': [truncated ? 'length' : s.tools && r() < 0.6 ? 'tool_calls' : 'stop'],
    'tierlens.query_type.hint': s.queryType,
    'tierlens.feature': s.feature,
    'tierlens.environment': 'production',
    'tierlens.end_user.id': `user-${Math.floor(r() * 500)}`,
  };
  if (s.tools) attributes['tierlens.has_tools'] = true;
  if (s.streamed) attributes['gen_ai.response.time_to_first_chunk'] = 0.25 + r() * 0.6;
  const span = tracer.startSpan(`chat ${s.model}`, { kind: SpanKind.CLIENT, startTime: new Date(startMs), attributes });
  if (failed) {
    span.setAttribute('error.type', r() < 0.5 ? '429' : '500');
    span.setStatus({ code: SpanStatusCode.ERROR, message: 'provider error' });
  }
  span.end(new Date(startMs + durationMs));
}
