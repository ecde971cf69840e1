import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { TRACER_NAME } from './attributes.js';

/**
 * The default span filter of `TierlensSpanProcessor`: Tierlens's own spans, spans carrying GenAI
 * semantic-convention attributes (other instrumentations) and Vercel AI SDK spans (scope `ai`).
 * An app's HTTP, database and other spans stay out of Tierlens.
 */
export function isLlmSpan(span: ReadableSpan): boolean {
  const scope = span.instrumentationScope?.name;
  if (scope === TRACER_NAME || scope === 'ai') return true;
  const a = span.attributes;
  return a['gen_ai.operation.name'] !== undefined || a['gen_ai.provider.name'] !== undefined || a['gen_ai.system'] !== undefined;
}
