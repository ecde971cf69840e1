import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPrompt } from './classify-prompt.ts';
import { QUERY_TYPES } from './query-type.ts';
import { resolveQueryType } from './resolve-query-type.ts';

const prompt = { system: 'You are a helpful assistant.', lastUser: 'Write a haiku about rain.' };

describe('resolveQueryType', () => {
  it('takes a valid hint first, over tools and prompt', () => {
    expect(resolveQueryType({ hint: 'math', hasTools: true, prompt })).toEqual({ queryType: 'math', source: 'hint', confidence: 1 });
    expect(resolveQueryType({ hint: ' Expert_QA ' })).toEqual({ queryType: 'expert_qa', source: 'hint', confidence: 1 });
    expect(resolveQueryType({ hint: 'agentic' })).toEqual({ queryType: 'agentic', source: 'hint', confidence: 1 });
  });

  it('ignores hints that are not query types, and the unknown hint', () => {
    expect(resolveQueryType({ hint: 'chit-chat', hasTools: true }).source).toBe('tools');
    expect(resolveQueryType({ hint: 'unknown', hasTools: true }).source).toBe('tools');
    expect(resolveQueryType({ hint: null, prompt }).source).toBe('classifier');
  });

  it('calls a request with tools agentic, before reading the prompt', () => {
    expect(resolveQueryType({ hasTools: true, prompt })).toEqual({ queryType: 'agentic', source: 'tools', confidence: 1 });
  });

  it('otherwise uses the classifier over system prompt + last user message', () => {
    const resolved = resolveQueryType({ hasTools: false, prompt });
    const classified = classifyPrompt(prompt);
    expect(resolved).toEqual({ queryType: classified.queryType, source: 'classifier', confidence: classified.confidence });
    expect(resolved.queryType).toBe('creative_writing');
  });

  it('answers unknown below the threshold, still crediting the classifier', () => {
    const { confidence } = classifyPrompt(prompt);
    expect(resolveQueryType({ prompt }, { threshold: confidence + 0.01 })).toEqual({
      queryType: 'unknown',
      source: 'classifier',
      confidence,
    });
  });

  it('has source none when there is no evidence at all', () => {
    expect(resolveQueryType({})).toEqual({ queryType: 'unknown', source: 'none', confidence: 0 });
    expect(resolveQueryType({ prompt: { system: '', lastUser: '  ' } })).toEqual({ queryType: 'unknown', source: 'none', confidence: 0 });
  });

  it('always returns a query type, a source and a confidence in [0, 1]', () => {
    fc.assert(
      fc.property(
        fc.option(fc.oneof(fc.constantFrom(...QUERY_TYPES), fc.string({ maxLength: 12 })), { nil: undefined }),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.option(fc.record({ system: fc.string({ maxLength: 80 }), lastUser: fc.string({ maxLength: 200 }) }), { nil: undefined }),
        (hint, hasTools, p) => {
          const r = resolveQueryType({ hint, hasTools, prompt: p });
          expect(QUERY_TYPES).toContain(r.queryType);
          expect(r.confidence).toBeGreaterThanOrEqual(0);
          expect(r.confidence).toBeLessThanOrEqual(1);
          if (r.source === 'hint' || r.source === 'tools') expect(r.confidence).toBe(1);
          expect(resolveQueryType({ hint, hasTools, prompt: p })).toEqual(r);
        },
      ),
      { numRuns: 200, seed: 11 },
    );
  });
});
