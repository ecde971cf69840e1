import { formatDecimal, parseDecimal, scaleToInteger } from './decimal.ts';

/**
 * Digits after the decimal point in every stored amount of money: the `DECIMAL(20,10)`
 * cost columns. Amounts in the analyzer are bigints counting `10^-USD_SCALE` US dollars
 * ("USD E10"), so every value the database can hold is represented exactly and sums
 * of costs never round.
 */
export const USD_SCALE = 10;

/** An amount of money in units of 10^-10 USD (one ten-billionth of a dollar). */
export type UsdE10 = bigint;

/**
 * Prints an amount as a plain decimal string in US dollars, without trailing zeros, ready
 * for a `DECIMAL(20,10)` column: `35_000_000n` → `"0.0035"`.
 */
export function formatUsd(amount: UsdE10): string {
  return formatDecimal({ coef: amount, scale: USD_SCALE });
}

/**
 * Parses a US-dollar decimal string (as stored in a `DECIMAL(20,10)` column, or as
 * printed by {@link formatUsd}) into USD E10 units. Throws when the string has non-zero
 * digits beyond the tenth decimal place, rather than rounding silently; use
 * {@link roundUsd} for values of any precision.
 */
export function parseUsd(text: string): UsdE10 {
  const value = parseDecimal(text);
  if (value.scale > USD_SCALE) {
    throw new RangeError(`More than ${USD_SCALE} decimal places in ${JSON.stringify(text)}`);
  }
  return scaleToInteger(value, USD_SCALE);
}

/** Parses a US-dollar decimal string of any precision, rounding half to even to 10^-10 USD. */
export function roundUsd(text: string): UsdE10 {
  return scaleToInteger(parseDecimal(text), USD_SCALE);
}
