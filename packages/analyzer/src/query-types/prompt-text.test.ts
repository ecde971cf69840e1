import { describe, expect, it } from 'vitest';
import { MAX_CLASSIFIER_CHARS, toClassifierText } from './prompt-text.ts';

describe('toClassifierText', () => {
  it('joins system prompt and last user message', () => {
    expect(toClassifierText({ system: ' You translate. ', lastUser: 'Bonjour' })).toBe('You translate.\n\nBonjour');
    expect(toClassifierText({ lastUser: 'Bonjour' })).toBe('Bonjour');
    expect(toClassifierText({ system: 'Be brief.' })).toBe('Be brief.');
    expect(toClassifierText(undefined)).toBe('');
  });

  it('keeps the head and tail of long prompts', () => {
    const text = `${'a'.repeat(5000)}${'z'.repeat(5000)}`;
    const clamped = toClassifierText(text);
    expect(clamped).toHaveLength(MAX_CLASSIFIER_CHARS);
    expect(clamped.startsWith('a'.repeat(3000))).toBe(true);
    expect(clamped.endsWith('z'.repeat(999))).toBe(true);
  });
});
