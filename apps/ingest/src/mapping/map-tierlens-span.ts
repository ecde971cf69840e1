import type { DecodedSpan } from '../otlp/decoded-span.ts';
import type { MapResult } from './canonical-call.ts';
import { mapOtelGenAiSpan } from './map-otel-genai-span.ts';

/**
 * Maps a span made by the Tierlens SDK (scope `@tierlens/*`): GenAI-convention attributes plus
 * the `tierlens.*` ones. The `tierlens.*` attributes (query type hint, feature, environment, end
 * user, tags) are read for every convention by `finishCall`, so apps that add them to other
 * instrumentations' spans get them too.
 */
export function mapTierlensSpan(span: DecodedSpan): MapResult {
  return mapOtelGenAiSpan(span, 'tierlens');
}
