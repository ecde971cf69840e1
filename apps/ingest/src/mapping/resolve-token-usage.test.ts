import { describe, expect, it } from 'vitest';
import { resolveTokenUsage } from './resolve-token-usage.ts';

describe('resolveTokenUsage', () => {
  it('keeps counts of a source whose input includes cache and output includes reasoning', () => {
    expect(
      resolveTokenUsage({ input: 1200, output: 300, cacheRead: 200, reasoning: 100, inputIncludesCache: true, outputIncludesReasoning: true }),
    ).toEqual({ inputTokens: 1200, outputTokens: 300, cacheReadTokens: 200, cacheWriteTokens: 0, reasoningTokens: 100, hasUsage: true });
  });

  it('adds cache read and write to an input that excludes them, reasoning to an output that excludes it', () => {
    expect(
      resolveTokenUsage({
        input: 1000,
        output: 200,
        cacheRead: 150,
        cacheWrite: 50,
        reasoning: 100,
        inputIncludesCache: false,
        outputIncludesReasoning: false,
      }),
    ).toMatchObject({ inputTokens: 1200, outputTokens: 300, cacheReadTokens: 150, cacheWriteTokens: 50, reasoningTokens: 100 });
  });

  it('adds the cache when a source claims to include it but cannot have', () => {
    const usage = resolveTokenUsage({ input: 100, cacheRead: 500, inputIncludesCache: true, outputIncludesReasoning: true, output: 10, reasoning: 40 });
    expect(usage.inputTokens).toBe(600);
    expect(usage.outputTokens).toBe(50);
  });

  it('reports missing usage', () => {
    expect(resolveTokenUsage({ inputIncludesCache: true, outputIncludesReasoning: true })).toEqual({
      inputTokens: 0,
      outputTokens: 0,
      cacheReadTokens: 0,
      cacheWriteTokens: 0,
      reasoningTokens: 0,
      hasUsage: false,
    });
  });
});
