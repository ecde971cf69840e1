import { openAIChatMapper } from './map-openai-chat.js';
import { openAIEmbeddingsMapper } from './map-openai-embeddings.js';
import { openAIResponsesMapper } from './map-openai-responses.js';
import { wrapClient, type WrapOptions, type WrappedMethod } from './wrap-client.js';

const OPENAI_METHODS: readonly WrappedMethod[] = [
  { path: ['chat', 'completions', 'create'], mapper: openAIChatMapper },
  { path: ['responses', 'create'], mapper: openAIResponsesMapper },
  { path: ['embeddings', 'create'], mapper: openAIEmbeddingsMapper },
];

/**
 * Wraps an `openai` client so that every `chat.completions.create`, `responses.create` and
 * `embeddings.create` call (streamed or not, including through helpers such as
 * `chat.completions.parse` and `.stream`) becomes one span. The returned client has the same type and behaviour: the same promise
 * objects (with `.withResponse()` and `.asResponse()`), the same stream objects, the same errors.
 * The client you pass in is not modified. Before `init()`, or when Tierlens is disabled, calls
 * pass straight through.
 *
 * @example
 * const openai = wrapOpenAI(new OpenAI(), { feature: 'search' });
 */
export function wrapOpenAI<T extends object>(client: T, options: WrapOptions = {}): T {
  if (!client || typeof client !== 'object') return client;
  return wrapClient(client, OPENAI_METHODS, options);
}
