import { formatUsd, type UsdE10 } from '../prices/money.ts';

/**
 * Prints an estimated amount in US dollars, rounded to a millionth of a dollar (estimates
 * carry no more precision than that; observed spend is printed exactly with `formatUsd`).
 */
export function formatUsdEstimate(usd: number): string {
  if (!Number.isFinite(usd)) throw new RangeError(`not a finite amount: ${usd}`);
  return formatUsd(BigInt(Math.round(usd * 1e6)) * 10_000n);
}

/** An estimated amount in USD E10 units, rounded to the unit (for exact sums of estimates). */
export function usdE10FromEstimate(usd: number): UsdE10 {
  if (!Number.isFinite(usd)) throw new RangeError(`not a finite amount: ${usd}`);
  return BigInt(Math.round(usd * 1e10));
}
