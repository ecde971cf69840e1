import { describe, expect, it } from 'vitest';
import { cleanString, truncateUtf8 } from './clean-string.ts';

describe('cleanString', () => {
  it('replaces NUL and lone surrogates with U+FFFD and keeps surrogate pairs', () => {
    expect(cleanString('a\u0000b\ud800c\udc00d🦀')).toBe('a\uFFFDb\uFFFDc\uFFFDd🦀');
  });
  it('returns a clean string unchanged (the same string)', () => {
    const s = 'gpt-4o';
    expect(cleanString(s)).toBe(s);
  });
});

describe('truncateUtf8', () => {
  it('cuts on a character boundary, never inside a multi-byte sequence or a surrogate pair', () => {
    expect(truncateUtf8('€€€', 7)).toBe('€€'); // 6 bytes; a third would need 9
    expect(truncateUtf8('a🦀', 4)).toBe('a'); // the crab takes 4 bytes
    expect(Buffer.byteLength(truncateUtf8('é'.repeat(500), 256))).toBe(256);
  });
  it('keeps strings that fit', () => {
    expect(truncateUtf8('m'.repeat(256), 256)).toBe('m'.repeat(256));
  });
});
