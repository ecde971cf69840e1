import type { AttrValue, Attributes, DecodedSpan } from '../otlp/decoded-span.ts';
import { detectTools } from './detect-tools.ts';
import { formatCostUsd } from './format-cost.ts';
import { addMessages, addSystem, completionText, composePromptText, newPromptParts, parseContent } from './message-text.ts';
import { readNumber, readStringList, secondsToMs, type TokenCountReader } from './read-attributes.ts';
import type { ReportedUsage } from './resolve-token-usage.ts';

/**
 * Reads the OTel GenAI usage attributes, current and deprecated names:
 * input `gen_ai.usage.input_tokens` | `prompt_tokens`; output `output_tokens` | `completion_tokens`;
 * cache read `cache_read.input_tokens` | `cache_read_input_tokens`; cache write
 * `cache_write.input_tokens` | `cache_creation.input_tokens` | `cache_creation_input_tokens`;
 * reasoning `reasoning.output_tokens` | `reasoning_tokens`. Inclusion flags are the convention's
 * (input includes cache, output includes reasoning); callers override them per source.
 */
export function readSemconvUsage(tokens: TokenCountReader): ReportedUsage {
  return {
    input: tokens.read('gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens'),
    output: tokens.read('gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens'),
    cacheRead: tokens.read('gen_ai.usage.cache_read.input_tokens', 'gen_ai.usage.cache_read_input_tokens'),
    cacheWrite: tokens.read(
      'gen_ai.usage.cache_write.input_tokens',
      'gen_ai.usage.cache_creation.input_tokens',
      'gen_ai.usage.cache_creation_input_tokens',
    ),
    reasoning: tokens.read('gen_ai.usage.reasoning.output_tokens', 'gen_ai.usage.reasoning_tokens'),
    inputIncludesCache: true,
    outputIncludesReasoning: true,
  };
}

/** `gen_ai.response.time_to_first_chunk` or `gen_ai.client.operation.time_to_first_chunk` (seconds) in ms. */
export function readSemconvTimeToFirstToken(attrs: Attributes): number | null {
  return secondsToMs(readNumber(attrs, 'gen_ai.response.time_to_first_chunk', 'gen_ai.client.operation.time_to_first_chunk'));
}

/** An OpenRouter-style reported cost, `gen_ai.usage.cost` (USD). */
export function readSemconvCost(attrs: Attributes): string | null {
  return formatCostUsd(attrs['gen_ai.usage.cost']);
}

/** `gen_ai.response.finish_reasons`. */
export function readSemconvFinishReasons(attrs: Attributes): string[] {
  return readStringList(attrs, 'gen_ai.response.finish_reasons');
}

/** Prompt, completion and tool evidence from OTel GenAI content attributes or events. */
export interface ContentFields {
  promptText: string | null;
  completionText: string | null;
  hasTools: boolean;
}

const DETAILS_EVENT = 'gen_ai.client.inference.operation.details';

/**
 * Reads content the OTel GenAI way: `gen_ai.system_instructions` + `gen_ai.input.messages`,
 * `gen_ai.output.messages`, `gen_ai.tool.definitions`, on the span or on the
 * `gen_ai.client.inference.operation.details` event; the deprecated `gen_ai.prompt` /
 * `gen_ai.completion` (attributes or `gen_ai.content.prompt`/`.completion` events) and
 * per-message events (`gen_ai.system.message`, `gen_ai.user.message`, `gen_ai.choice`).
 */
export function readSemconvContent(span: DecodedSpan): ContentFields {
  const attrs = span.attributes;
  let details: Attributes | undefined;
  const parts = newPromptParts();
  const messageEvents: { role: string; content: AttrValue }[] = [];
  let choice: AttrValue | undefined;
  for (const event of span.events) {
    const name = event.name;
    if (name === DETAILS_EVENT) details = event.attributes;
    else if (name === 'gen_ai.content.prompt') details ??= event.attributes;
    else if (name === 'gen_ai.content.completion') choice ??= event.attributes['gen_ai.completion'];
    else if (name === 'gen_ai.system.message' || name === 'gen_ai.user.message') {
      const content = event.attributes['content'] ?? event.attributes['gen_ai.event.content'];
      if (content !== undefined) messageEvents.push({ role: name === 'gen_ai.user.message' ? 'user' : 'system', content });
    } else if (name === 'gen_ai.choice') choice = event.attributes['message'] ?? event.attributes['content'] ?? choice;
  }
  const pick = (key: string): AttrValue | undefined => attrs[key] ?? details?.[key];

  addSystem(parts, parseContent(pick('gen_ai.system_instructions')));
  const input = pick('gen_ai.input.messages') ?? pick('gen_ai.prompt');
  const parsedInput = parseContent(input);
  addMessages(parts, parsedInput);
  for (const m of messageEvents) addMessages(parts, [{ role: m.role, content: parseContent(m.content) }]);

  const output = pick('gen_ai.output.messages') ?? pick('gen_ai.completion') ?? choice;
  return {
    promptText: composePromptText(parts),
    completionText: completionText(parseContent(output)),
    hasTools: detectTools(attrs, [], parsedInput) || (details !== undefined && detectTools(details, [])),
  };
}
