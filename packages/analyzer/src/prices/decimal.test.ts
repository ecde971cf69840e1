import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalFromNumber, divideHalfEven, formatDecimal, parseDecimal, scaleToInteger } from './decimal.ts';

describe('parseDecimal', () => {
  it.each([
    ['2.5', 25n, 1],
    ['0.0375', 375n, 4],
    ['10', 10n, 0],
    ['2.50', 25n, 1],
    ['-1.20', -12n, 1],
    ['1e-7', 1n, 7],
    ['2.5E+3', 2500n, 0],
    ['.5', 5n, 1],
    ['0', 0n, 0],
  ])('%s', (text, coef, scale) => {
    expect(parseDecimal(text)).toEqual({ coef, scale });
  });

  it.each(['', 'abc', '1.2.3', '1e', 'NaN', '--1'])('rejects %j', (text) => {
    expect(() => parseDecimal(text)).toThrow(RangeError);
  });
});

describe('decimalFromNumber', () => {
  it('keeps the decimal the price author wrote, not the binary float', () => {
    expect(formatDecimal(decimalFromNumber(0.075))).toBe('0.075');
    expect(formatDecimal(decimalFromNumber(0.1))).toBe('0.1');
    expect(formatDecimal(decimalFromNumber(1e-7))).toBe('0.0000001');
  });
});

describe('divideHalfEven', () => {
  it.each([
    [5n, 2n, 2n],
    [7n, 2n, 4n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [26n, 10n, 3n],
    [24n, 10n, 2n],
  ])('%d / %d = %d', (n, d, q) => {
    expect(divideHalfEven(n, d)).toBe(q);
  });

  it('is within half a unit of the true quotient', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const q = divideHalfEven(n, d);
        const error = q * d - n;
        return (error < 0n ? -error : error) * 2n <= d;
      }),
    );
  });
});

describe('formatDecimal / parseDecimal round trip', () => {
  it('parse(format(x)) is x for any coefficient and scale', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 25n), max: 10n ** 25n }), fc.integer({ min: 0, max: 20 }), (coef, scale) => {
        const text = formatDecimal({ coef, scale });
        const back = parseDecimal(text);
        return scaleToInteger(back, scale) === coef && formatDecimal(back) === text;
      }),
    );
  });
});
