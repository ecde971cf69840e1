/** The one place numbers become text: money, tokens, counts and percentages. */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdSmall = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 6 });
const count = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** USD from an exact decimal string; sub-cent amounts keep their significant digits. */
export function formatUsd(decimal: string | number): string {
  const n = typeof decimal === 'number' ? decimal : Number(decimal);
  if (n !== 0 && Math.abs(n) < 0.01) return usdSmall.format(n);
  return usd.format(n);
}

export function formatCount(n: number): string {
  return count.format(n);
}

export function formatTokens(n: number): string {
  return `${n >= 10_000 ? compact.format(n) : count.format(n)} tok`;
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}
