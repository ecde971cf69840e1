import type { Attributes, DecodedEvent, DecodedSpan } from '../../otlp/decoded-span.ts';

/** Trace id used by {@link makeSpan}. */
export const TRACE = '0af7651916cd43dd8448eb211c80319c';

/** A decoded span for mapper tests: a CLIENT span that started 2026-01-01T00:00:00Z and ran 1.5 s. */
export function makeSpan(overrides: Partial<DecodedSpan> & { attributes: Attributes }): DecodedSpan {
  return {
    traceId: TRACE,
    spanId: 'b7ad6b7169203331',
    parentSpanId: null,
    name: 'chat',
    kind: 3,
    startTimeUnixNano: 1_767_225_600_000_000_000n,
    endTimeUnixNano: 1_767_225_601_500_000_000n,
    statusCode: 0,
    statusMessage: '',
    events: [],
    links: [],
    resource: { 'service.name': 'support-bot' },
    scopeName: '',
    scopeVersion: '',
    invalidReason: null,
    ...overrides,
  };
}

/** An event for mapper tests. */
export function makeEvent(name: string, attributes: Attributes): DecodedEvent {
  return { timeUnixNano: 1_767_225_600_500_000_000n, name, attributes };
}
