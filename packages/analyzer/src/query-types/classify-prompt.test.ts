import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPrompt } from './classify-prompt.ts';
import { QUERY_TYPE_CONFIDENCE_THRESHOLD } from './create-prompt-classifier.ts';
import { TEXT_QUERY_TYPES } from './query-type.ts';

const modelFile = fileURLToPath(new URL('./shipped-query-type-model.ts', import.meta.url));
const devFile = fileURLToPath(new URL('../../data/task-prompts/dev.jsonl', import.meta.url));

describe('classifyPrompt', () => {
  it('is deterministic, whatever was classified before', () => {
    const a = 'Write a Python function that returns the n-th Fibonacci number.';
    const b = `${'Summarize the following report. '.repeat(200)}`;
    const first = classifyPrompt(a);
    classifyPrompt(b);
    expect(classifyPrompt(a)).toEqual(first);
  });

  it('returns a text type or unknown, with a probability', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const { queryType, confidence } = classifyPrompt(text);
        expect([...TEXT_QUERY_TYPES, 'unknown']).toContain(queryType);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
        if (queryType === 'unknown' && text.trim() !== '') expect(confidence).toBeLessThan(QUERY_TYPE_CONFIDENCE_THRESHOLD);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('answers unknown with confidence 0 for an empty prompt', () => {
    expect(classifyPrompt('  ')).toEqual({ queryType: 'unknown', confidence: 0 });
    expect(classifyPrompt({})).toEqual({ queryType: 'unknown', confidence: 0 });
  });

  it('applies the threshold', () => {
    const text = 'Tell me something.';
    const { confidence } = classifyPrompt(text, { threshold: 0 });
    expect(classifyPrompt(text, { threshold: confidence + 1e-9 })).toEqual({ queryType: 'unknown', confidence });
    expect(classifyPrompt(text, { threshold: confidence }).queryType).not.toBe('unknown');
  });

  it('reads a string like a lone user message', () => {
    const text = 'Translate "where is the station?" into German.';
    expect(classifyPrompt(text)).toEqual(classifyPrompt({ lastUser: text }));
  });

  it('recognises unambiguous requests', () => {
    expect(classifyPrompt('Translate "good morning, how are you?" into French.').queryType).toBe('translation');
    expect(classifyPrompt('Write a Python function that checks whether a string is a palindrome.').queryType).toBe('coding');
    expect(classifyPrompt('Write a short poem about the sea at night.').queryType).toBe('creative_writing');
    expect(classifyPrompt('Classify the sentiment of this review as positive or negative: "Awful service."').queryType).toBe('classification');
  });

  it('stays fast on 4,000-character prompts (generous bound, not the 1 ms budget)', () => {
    const joined = readFileSync(devFile, 'utf8');
    const texts = Array.from({ length: 100 }, (_, i) => joined.slice(i * 4000, (i + 1) * 4000));
    texts.forEach((t) => classifyPrompt(t));
    const times = texts.map((t) => {
      const started = performance.now();
      classifyPrompt(t);
      return performance.now() - started;
    });
    times.sort((x, y) => x - y);
    expect(times[50]).toBeLessThan(5);
  });

  it('bounds the cost of very long prompts', () => {
    const huge = 'The quarterly report covers revenue, costs and outlook. '.repeat(20_000);
    const started = performance.now();
    classifyPrompt(huge);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('ships a model file of at most 1 MB', () => {
    expect(statSync(modelFile).size).toBeLessThanOrEqual(1024 * 1024);
  });
});
