import { describe, expect, it } from 'vitest';
import { ATTRIBUTE_ARRAY_MAX_ITEMS, ATTRIBUTE_VALUE_MAX_CHARS } from './limits.ts';
import { toCallAttributes } from './to-call-attributes.ts';
import { makeSpan } from './test-support/make-span.ts';

describe('toCallAttributes', () => {
  it('keeps every span and resource attribute, JSON-safe', () => {
    const attributes = toCallAttributes(
      makeSpan({
        attributes: {
          n: 12,
          big: 9007199254740993n,
          bytes: new Uint8Array([1, 2, 3]),
          nan: Number.NaN,
          nested: { a: [1n, 'x'] },
        },
        resource: { 'service.name': 'api' },
      }),
    );
    expect(attributes).toEqual({
      n: 12,
      big: '9007199254740993',
      bytes: 'AQID',
      nan: 'NaN',
      nested: { a: ['1', 'x'] },
      'resource.service.name': 'api',
    });
    expect(() => JSON.stringify(attributes)).not.toThrow();
  });

  it('truncates long strings and arrays but never numbers', () => {
    const long = 'x'.repeat(ATTRIBUTE_VALUE_MAX_CHARS + 500);
    const attributes = toCallAttributes(
      makeSpan({ attributes: { 'gen_ai.input.messages': long, list: Array.from({ length: 500 }, (_, i) => i), tokens: 123456789 } }),
    );
    expect((attributes['gen_ai.input.messages'] as string).startsWith('x'.repeat(ATTRIBUTE_VALUE_MAX_CHARS))).toBe(true);
    expect(attributes['gen_ai.input.messages']).toContain('[truncated 500 chars]');
    expect(attributes['list']).toHaveLength(ATTRIBUTE_ARRAY_MAX_ITEMS);
    expect(attributes['tokens']).toBe(123456789);
  });
});
