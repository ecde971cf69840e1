import type { Attributes } from '@opentelemetry/api';
import { ATTR } from './attributes.js';
import { num, type CallMapper, type ResponseSummary, type StreamAccumulator } from './call-mapper.js';

interface EmbeddingsParams {
  model?: string;
  input?: unknown;
  dimensions?: number;
  encoding_format?: string;
}
interface EmbeddingsResponse {
  model?: string;
  data?: unknown[];
  usage?: { prompt_tokens?: number; total_tokens?: number } | null;
}

/**
 * OpenAI `embeddings.create`: one `embeddings {model}` span with the input tokens the provider
 * billed (no output tokens), so embedding spend shows next to chat spend. Embedding inputs are
 * documents, not requests: they are never classified nor captured as messages.
 */
export const openAIEmbeddingsMapper: CallMapper<EmbeddingsParams, EmbeddingsResponse, never> = {
  provider: 'openai',
  operation: 'embeddings',
  streamUsageOption: false,
  model: (p) => p.model ?? '',
  isStream: () => false,
  hasTools: () => false,
  requestAttributes(p) {
    const a: Attributes = {};
    if (typeof p.encoding_format === 'string') a[ATTR.requestEncodingFormats] = [p.encoding_format];
    if (typeof p.dimensions === 'number') a[ATTR.embeddingsDimensionCount] = p.dimensions;
    return a;
  },
  summarize(r): ResponseSummary {
    const input = num(r.usage?.prompt_tokens);
    return { model: r.model, usage: input === undefined ? undefined : { input } };
  },
  accumulator(): StreamAccumulator<never> {
    // The embeddings API does not stream; isStream() is always false, so this is never asked for.
    throw new Error('embeddings do not stream');
  },
  promptText: () => undefined,
  inputMessages: () => [],
  systemInstructions: () => undefined,
};
