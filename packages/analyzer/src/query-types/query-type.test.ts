import { describe, expect, it } from 'vitest';
import { QUERY_TYPES, TEXT_QUERY_TYPES, ZQueryType, isQueryType } from './query-type.ts';

describe('query types', () => {
  it('has the ten types of the design plus unknown', () => {
    expect(QUERY_TYPES).toEqual([
      'coding', 'math', 'expert_qa', 'summarization', 'extraction', 'classification',
      'translation', 'creative_writing', 'general_chat', 'agentic', 'unknown',
    ]);
  });

  it('lets the classifier return every type except agentic and unknown', () => {
    expect([...TEXT_QUERY_TYPES, 'agentic', 'unknown'].sort()).toEqual([...QUERY_TYPES].sort());
  });

  it('parses valid types and rejects others', () => {
    expect(ZQueryType.parse('math')).toBe('math');
    expect(ZQueryType.safeParse('Math').success).toBe(false);
    expect(isQueryType('agentic')).toBe(true);
    expect(isQueryType('chat')).toBe(false);
    expect(isQueryType(3)).toBe(false);
  });
});
