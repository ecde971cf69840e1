import type { DecodedSpan } from '../otlp/decoded-span.ts';
import type { MapResult } from './canonical-call.ts';
import { detectConvention } from './detect-convention.ts';
import { mapLangfuseSpan } from './map-langfuse-span.ts';
import { mapOpenInferenceSpan } from './map-openinference-span.ts';
import { mapOpenLlmetrySpan } from './map-openllmetry-span.ts';
import { mapOtelGenAiSpan } from './map-otel-genai-span.ts';
import { mapTierlensSpan } from './map-tierlens-span.ts';
import { mapVercelAiSpan } from './map-vercel-ai-span.ts';

/**
 * Maps one decoded span to a canonical call, a skip (not an LLM call, or an aggregate span that
 * repeats its children) or a reject (an unusable LLM span, with the reason for the exporter).
 * Detects the convention ({@link detectConvention}) and dispatches to its mapper. Never throws:
 * an unexpected mapper error rejects that span alone.
 */
export function mapSpan(span: DecodedSpan): MapResult {
  try {
    switch (detectConvention(span)) {
      case 'langfuse':
        return mapLangfuseSpan(span);
      case 'openinference':
        return mapOpenInferenceSpan(span);
      case 'vercel-ai':
        return mapVercelAiSpan(span);
      case 'tierlens':
        return mapTierlensSpan(span);
      case 'openllmetry':
        return mapOpenLlmetrySpan(span);
      case 'otel-genai':
        return mapOtelGenAiSpan(span);
      case null:
        return { kind: 'skip', reason: 'not an LLM span' };
    }
  } catch (error) {
    return { kind: 'reject', reason: `internal mapping error (${(error as Error).name})` };
  }
}
