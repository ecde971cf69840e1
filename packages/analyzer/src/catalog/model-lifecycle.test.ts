import { describe, expect, it } from 'vitest';
import { BUILTIN_MODEL_RETIREMENTS, ZModelRetirement, modelLifecycle } from './model-lifecycle.ts';

const at = new Date('2026-12-04T12:00:00Z');

describe('modelLifecycle', () => {
  it('flags a deprecated model with the days left, through provider and model spellings', () => {
    const life = modelLifecycle('OpenAI', 'openai/gpt-5-mini-2025-08-07', at);
    expect(life.status).toBe('deprecated');
    if (life.status === 'active') throw new Error('unreachable');
    expect(life.retires).toBe('2026-12-11');
    expect(life.daysLeft).toBe(7);
    expect(life.retirement.source.url).toMatch(/^https:\/\/developers\.openai\.com\//);
  });

  it('says retired once the date has passed, and active for models with no announcement', () => {
    expect(modelLifecycle('anthropic', 'claude-sonnet-4-20250514', at).status).toBe('retired');
    expect(modelLifecycle('anthropic', 'claude-sonnet-4-6', at).status).toBe('active');
    expect(modelLifecycle('openai', 'gpt-5', new Date('2026-06-01T00:00:00Z')).status).toBe('active');
  });

  it('does not take one snapshot for another, nor one maker for another', () => {
    expect(modelLifecycle('openai', 'gpt-4o-2024-05-13', at).status).toBe('active');
    expect(modelLifecycle('openai', 'gpt-4o-2024-08-06', at).status).toBe('deprecated');
    expect(modelLifecycle('anthropic', 'gpt-5', at).status).toBe('active');
  });

  it('lets a later entry (an organization override) correct a built-in one', () => {
    const corrected = [...BUILTIN_MODEL_RETIREMENTS, { ...BUILTIN_MODEL_RETIREMENTS[0]!, models: ['gpt-5'], retires: '2027-03-01' }];
    const life = modelLifecycle('openai', 'gpt-5', at, corrected);
    expect(life.status === 'deprecated' && life.retires).toBe('2027-03-01');
  });

  it('cites the maker for every built-in entry', () => {
    for (const entry of BUILTIN_MODEL_RETIREMENTS) {
      expect(() => ZModelRetirement.parse(entry)).not.toThrow();
      expect(entry.source.url).toMatch(/^https:\/\/(developers\.openai\.com|platform\.claude\.com|ai\.google\.dev)\//);
    }
  });
});
