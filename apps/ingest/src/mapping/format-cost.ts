import { toNumber } from './read-attributes.ts';

/**
 * A reported cost in USD as a plain decimal string (never exponent notation: `1.5e-7` becomes
 * `0.00000015`), rounded to 12 decimals; null for a missing, non-finite or negative cost.
 */
export function formatCostUsd(value: unknown): string | null {
  const n = toNumber(value);
  if (n === null || n < 0) return null;
  const fixed = n.toFixed(12);
  const trimmed = fixed.replace(/\.?0+$/, '');
  return trimmed === '' ? '0' : trimmed;
}
