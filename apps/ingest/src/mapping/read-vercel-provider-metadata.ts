import { z } from 'zod';
import type { AttrValue } from '../otlp/decoded-span.ts';
import { parseContent } from './message-text.ts';

const ZCount = z.number().nullish();

/** The parts of the AI SDK's `ai.response.providerMetadata` JSON that carry usage or cost. */
const ZProviderMetadata = z.object({
  anthropic: z
    .object({
      cacheCreationInputTokens: ZCount,
      cacheReadInputTokens: ZCount,
      // `@ai-sdk/anthropic` 2 (AI SDK v5) passes Anthropic's own usage object through, and has
      // cache reads only there (the v5 call span has no `ai.usage.cachedInputTokens`).
      usage: z.object({ cache_read_input_tokens: ZCount, cache_creation_input_tokens: ZCount }).partial().nullish(),
    })
    .partial()
    .nullish(),
  openai: z.object({ cachedPromptTokens: ZCount, reasoningTokens: ZCount }).partial().nullish(),
  openrouter: z.object({ usage: z.object({ cost: ZCount }).partial().nullish() }).partial().nullish(),
}).partial();

/** Usage and cost figures found in `ai.response.providerMetadata`. */
export type VercelProviderMetadata = z.infer<typeof ZProviderMetadata>;

/**
 * Parses `ai.response.providerMetadata` (a JSON string) for the usage the v4/v5 `ai.usage.*`
 * attributes leave out: Anthropic cache read/creation (`cacheReadInputTokens` and
 * `cacheCreationInputTokens`, or inside the raw `usage` as `cache_read_input_tokens` and
 * `cache_creation_input_tokens`), OpenAI cached prompt and reasoning tokens, OpenRouter's
 * reported cost. Anything unexpected gives `{}`.
 */
export function readVercelProviderMetadata(value: AttrValue | undefined): VercelProviderMetadata {
  if (value === undefined || value === null) return {};
  const parsed = ZProviderMetadata.safeParse(parseContent(value));
  return parsed.success ? parsed.data : {};
}
