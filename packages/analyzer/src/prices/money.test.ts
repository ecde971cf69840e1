import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatUsd, parseUsd, roundUsd } from './money.ts';

describe('money', () => {
  it('formats USD E10 units as plain decimals without trailing zeros', () => {
    expect(formatUsd(35_000_000n)).toBe('0.0035');
    expect(formatUsd(1n)).toBe('0.0000000001');
    expect(formatUsd(0n)).toBe('0');
    expect(formatUsd(-12_500_000_000n)).toBe('-1.25');
    expect(formatUsd(123_456_789_012_345_678_901n)).toBe('12345678901.2345678901');
  });

  it('parses DECIMAL(20,10) text exactly and refuses more precision', () => {
    expect(parseUsd('0.0035000000')).toBe(35_000_000n);
    expect(parseUsd('1e-10')).toBe(1n);
    expect(() => parseUsd('0.00000000001')).toThrow(RangeError);
    expect(parseUsd('0.00000000010')).toBe(1n);
  });

  it('rounds half to even when asked to', () => {
    expect(roundUsd('0.00000000005')).toBe(0n);
    expect(roundUsd('0.00000000015')).toBe(2n);
    expect(roundUsd('0.000000000151')).toBe(2n);
  });

  it('round-trips every amount: parseUsd(formatUsd(x)) = x', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), (x) => parseUsd(formatUsd(x)) === x));
  });

  it('round-trips every DECIMAL(20,10) string to its canonical form', () => {
    const decimalText = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 10n - 1n }), fc.stringMatching(/^\d{0,10}$/))
      .map(([whole, fraction]) => (fraction === '' ? `${whole}` : `${whole}.${fraction}`));
    fc.assert(
      fc.property(decimalText, (text) => {
        const canonical = formatUsd(parseUsd(text));
        return parseUsd(canonical) === parseUsd(text) && Number(canonical) === Number(text);
      }),
    );
  });
});
