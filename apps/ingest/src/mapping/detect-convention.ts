import type { DecodedSpan } from '../otlp/decoded-span.ts';
import type { Convention } from './canonical-call.ts';

/**
 * Which convention a span follows, or null when it carries no LLM attributes at all.
 * First match wins:
 * 1. Langfuse: `langfuse.observation.type`.
 * 2. OpenInference: `openinference.span.kind`.
 * 3. Vercel AI SDK: scope `ai` (v4–v6) or `gen_ai`/`@ai-sdk/*` (v7), or `ai.operationId`/`ai.model.id`.
 * 4. Tierlens SDK: scope `@tierlens/*` or `tierlens`.
 * 5. OpenLLMetry: scope `@traceloop/*`, or Traceloop-only attributes (`llm.request.type`,
 *    `traceloop.*`, `llm.usage.total_tokens`, `llm.is_streaming`, indexed `gen_ai.prompt.{i}.*`).
 * 6. OTel GenAI: any `gen_ai.*` attribute.
 */
export function detectConvention(span: DecodedSpan): Convention | null {
  const attrs = span.attributes;
  if (attrs['langfuse.observation.type'] !== undefined) return 'langfuse';
  if (attrs['openinference.span.kind'] !== undefined) return 'openinference';
  const scope = span.scopeName;
  if (scope === 'ai' || scope === 'gen_ai' || scope.startsWith('@ai-sdk/')) return 'vercel-ai';
  if (attrs['ai.operationId'] !== undefined || attrs['ai.model.id'] !== undefined) return 'vercel-ai';
  if (scope.startsWith('@tierlens/') || scope === 'tierlens') return 'tierlens';
  if (scope.startsWith('@traceloop/')) return 'openllmetry';
  let genAi = false;
  for (const key in attrs) {
    if (key.startsWith('gen_ai.')) {
      genAi = true;
      if (key.startsWith('gen_ai.prompt.') || key.startsWith('gen_ai.completion.')) {
        const c = key.charCodeAt(key.indexOf('.', 7) + 1);
        if (c >= 48 && c <= 57) return 'openllmetry'; // gen_ai.prompt.<digit>
      }
    } else if (
      key === 'llm.request.type' ||
      key === 'llm.usage.total_tokens' ||
      key === 'llm.is_streaming' ||
      key.startsWith('traceloop.')
    ) {
      return 'openllmetry';
    }
  }
  return genAi ? 'otel-genai' : null;
}
