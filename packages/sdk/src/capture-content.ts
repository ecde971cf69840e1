import type { GenAiMessage, GenAiPart } from './call-mapper.js';
import type { Redact } from './tierlens-options.js';

/**
 * Serialises messages in the GenAI conventions' JSON format, passing every piece of text (message
 * text, tool arguments and tool results) through `redact` when one is given.
 */
export function serializeMessages(messages: GenAiMessage[] | GenAiPart[], redact: Redact | undefined): string {
  if (!redact) return JSON.stringify(messages);
  return JSON.stringify(messages, (key, value: unknown) => {
    if (key !== 'content' && key !== 'arguments' && key !== 'response') return value;
    if (typeof value === 'string') return redact(value);
    // Structured tool arguments or results are redacted as their JSON text.
    return value === undefined || value === null ? value : redact(JSON.stringify(value));
  });
}
