/** Token counts as a source reported them, with how that source counts. */
export interface ReportedUsage {
  input?: number | undefined;
  output?: number | undefined;
  cacheRead?: number | undefined;
  cacheWrite?: number | undefined;
  reasoning?: number | undefined;
  /** True when the source's `input` already includes cache reads and writes (OTel GenAI). */
  inputIncludesCache: boolean;
  /** True when the source's `output` already includes reasoning tokens (OTel GenAI). */
  outputIncludesReasoning: boolean;
}

/** Token counts in the canonical convention: input includes cache read+write, output includes reasoning. */
export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  reasoningTokens: number;
  /** False when the span carried neither an input nor an output count. */
  hasUsage: boolean;
}

/**
 * Converts reported counts to the canonical convention. Never returns a negative or
 * double-counted number: when a source said its input includes the cache but the cache counts
 * exceed the input, the input cannot have included them, so they are added (likewise for
 * reasoning inside output).
 */
export function resolveTokenUsage(usage: ReportedUsage): TokenUsage {
  const cacheRead = usage.cacheRead ?? 0;
  const cacheWrite = usage.cacheWrite ?? 0;
  const reasoning = usage.reasoning ?? 0;
  const cached = cacheRead + cacheWrite;
  let inputTokens: number;
  if (usage.input === undefined) inputTokens = cached;
  else if (usage.inputIncludesCache && usage.input >= cached) inputTokens = usage.input;
  else inputTokens = usage.input + cached;
  let outputTokens: number;
  if (usage.output === undefined) outputTokens = reasoning;
  else if (usage.outputIncludesReasoning && usage.output >= reasoning) outputTokens = usage.output;
  else outputTokens = usage.output + reasoning;
  return {
    inputTokens,
    outputTokens,
    cacheReadTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    reasoningTokens: reasoning,
    hasUsage: usage.input !== undefined || usage.output !== undefined,
  };
}
