import { anthropicMessagesMapper } from './map-anthropic-messages.js';
import { wrapClient, type WrapOptions, type WrappedMethod } from './wrap-client.js';

const ANTHROPIC_METHODS: readonly WrappedMethod[] = [
  { path: ['messages', 'create'], mapper: anthropicMessagesMapper },
  { path: ['beta', 'messages', 'create'], mapper: anthropicMessagesMapper },
];

/**
 * Wraps an `@anthropic-ai/sdk` client so that every `messages.create` call (streamed or not,
 * including through `messages.stream()` and `messages.parse()`, and the `beta.messages`
 * equivalents) becomes one span. Same type, same promises (`.withResponse()`, `.asResponse()`),
 * same streams, same errors; the client you pass in is not modified.
 *
 * @example
 * const anthropic = wrapAnthropic(new Anthropic(), { feature: 'support-bot' });
 */
export function wrapAnthropic<T extends object>(client: T, options: WrapOptions = {}): T {
  if (!client || typeof client !== 'object') return client;
  return wrapClient(client, ANTHROPIC_METHODS, options);
}
