/**
 * Exact decimal numbers for money math: `value = coef × 10^-scale`, with a bigint
 * coefficient, so prices and costs never pass through binary floating point.
 */
export interface ExactDecimal {
  readonly coef: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^([+-])?(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-])?\.(\d+)(?:[eE]([+-]?\d+))?$/;

/**
 * Parses a decimal string such as `"2.5"`, `"0.0375"`, `"-1.20"` or `"1e-7"` (the form
 * Decimal.js and Prisma use for small values) exactly. Throws on anything else.
 */
export function parseDecimal(text: string): ExactDecimal {
  const match = DECIMAL_PATTERN.exec(text.trim());
  if (!match) throw new RangeError(`Not a decimal number: ${JSON.stringify(text)}`);
  const sign = match[1] ?? match[5] ?? '';
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? match[6] ?? '';
  const exponent = Number(match[4] ?? match[7] ?? '0');
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000) {
    throw new RangeError(`Decimal exponent out of range: ${JSON.stringify(text)}`);
  }
  let coef = BigInt(whole + fraction);
  let scale = fraction.length - exponent;
  if (scale < 0) {
    coef *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return normalizeDecimal({ coef: sign === '-' ? -coef : coef, scale });
}

/**
 * Converts a JavaScript number exactly as it prints (`String(n)`, the shortest text that
 * round-trips), which is the decimal the price data author wrote: `0.075` → 75 × 10^-3.
 */
export function decimalFromNumber(value: number): ExactDecimal {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  return parseDecimal(String(value));
}

/** Removes trailing zeros from the coefficient (`2.50` → `2.5`), keeping the value. */
export function normalizeDecimal(value: ExactDecimal): ExactDecimal {
  let { coef, scale } = value;
  if (coef === 0n) return { coef: 0n, scale: 0 };
  while (scale > 0 && coef % 10n === 0n) {
    coef /= 10n;
    scale -= 1;
  }
  return { coef, scale };
}

/** Prints a decimal in plain notation with no trailing zeros: `{ coef: 25n, scale: 1 }` → `"2.5"`. */
export function formatDecimal(value: ExactDecimal): string {
  const { coef, scale } = normalizeDecimal(value);
  const negative = coef < 0n;
  const digits = (negative ? -coef : coef).toString();
  if (scale === 0) return (negative ? '-' : '') + digits;
  const padded = digits.padStart(scale + 1, '0');
  const whole = padded.slice(0, padded.length - scale);
  const fraction = padded.slice(padded.length - scale);
  return `${negative ? '-' : ''}${whole}.${fraction}`;
}

/**
 * Divides `numerator` by `denominator` (> 0) and rounds half to even, the rounding that
 * does not bias sums of many values upwards.
 */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  let quotient = magnitude / denominator;
  const twiceRemainder = (magnitude % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && quotient % 2n === 1n)) {
    quotient += 1n;
  }
  return negative ? -quotient : quotient;
}

/**
 * Returns `value × 10^shift` as an integer, rounding half to even when the result is not
 * whole. `shift` may be negative.
 */
export function scaleToInteger(value: ExactDecimal, shift: number): bigint {
  const exponent = shift - value.scale;
  if (exponent >= 0) return value.coef * 10n ** BigInt(exponent);
  return divideHalfEven(value.coef, 10n ** BigInt(-exponent));
}

/** True when the decimal is zero or positive. */
export function isNonNegative(value: ExactDecimal): boolean {
  return value.coef >= 0n;
}
