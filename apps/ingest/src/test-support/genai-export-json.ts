import { randomBytes } from 'node:crypto';

export interface TestSpan {
  traceId?: string;
  spanId?: string;
  name?: string;
  model?: string | null;
  provider?: string;
  inputTokens?: number;
  outputTokens?: number;
  cacheReadTokens?: number;
  startMs?: number;
  extra?: Record<string, string | number | boolean>;
}

/** Random span/trace ids as OTLP/JSON spells them (hex). */
export function hexId(bytes: 8 | 16): string {
  return randomBytes(bytes).toString('hex');
}

/**
 * An OTLP/JSON ExportTraceServiceRequest of OpenTelemetry GenAI chat spans, for driving the
 * ingest over HTTP in tests.
 */
export function genaiExportJson(spans: TestSpan[]): string {
  const now = Date.now();
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'ingest-test' } }] },
        scopeSpans: [
          {
            scope: { name: 'test' },
            spans: spans.map((s) => {
              const start = BigInt(s.startMs ?? now) * 1_000_000n;
              const attrs: Record<string, string | number | boolean> = {
                'gen_ai.operation.name': 'chat',
                'gen_ai.provider.name': s.provider ?? 'openai',
                'gen_ai.usage.input_tokens': s.inputTokens ?? 1000,
                'gen_ai.usage.output_tokens': s.outputTokens ?? 100,
                ...(s.cacheReadTokens ? { 'gen_ai.usage.cache_read.input_tokens': s.cacheReadTokens } : {}),
                ...(s.model === null ? {} : { 'gen_ai.request.model': s.model ?? 'gpt-4o' }),
                ...s.extra,
              };
              return {
                traceId: s.traceId ?? hexId(16),
                spanId: s.spanId ?? hexId(8),
                name: s.name ?? `chat ${s.model ?? 'gpt-4o'}`,
                kind: 3,
                startTimeUnixNano: start.toString(),
                endTimeUnixNano: (start + 850_000_000n).toString(),
                attributes: Object.entries(attrs).map(([key, v]) => ({
                  key,
                  value: typeof v === 'string' ? { stringValue: v } : typeof v === 'boolean' ? { boolValue: v } : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v },
                })),
                status: {},
              };
            }),
          },
        ],
      },
    ],
  });
}
