/**
 * Money, tokens, counts, shares and changes as text: one rule each, for the dashboard and the
 * weekly email alike.
 */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const usdTiny = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 });
const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
const axisUsd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

/**
 * USD from an exact decimal string: cents from $1 up, up to four decimals below (so $0.0228 is
 * not shown as $0.02), and two significant digits below a hundredth of a cent.
 */
export function formatUsd(decimal: string | number): string {
  const n = typeof decimal === 'number' ? decimal : Number(decimal);
  const abs = Math.abs(n);
  if (abs === 0 || abs >= 1) return usd.format(n);
  if (abs >= 0.0001) return usdCents.format(n);
  return usdTiny.format(n);
}

/** Short USD for chart axes ($1.2K). */
export function formatUsdAxis(n: number): string {
  return n > 0 && n < 1 ? `$${n.toFixed(2)}` : axisUsd.format(n);
}

/** Spend of a line: "unpriced" when none of its calls has a price (never a silent $0). */
export function formatSpend(line: { costUsd: string; calls: number; unpricedCalls: number }): string {
  return line.calls > 0 && line.unpricedCalls === line.calls ? 'unpriced' : formatUsd(line.costUsd);
}

/** An estimated monthly amount, rounded to the dollar from $100 up: "$1,240/mo", "$63.92/mo". */
export function formatMonthly(decimal: string): string {
  return `${wholeFromHundred(Math.abs(Number(decimal)))}/mo`;
}

/** A monthly estimate with its range when the range is wide: "$640/mo ($420–$910)". */
export function formatMonthlyRange(range: { low: string; point: string; high: string }): string {
  const point = formatMonthly(range.point);
  const low = Math.abs(Number(range.low));
  const high = Math.abs(Number(range.high));
  const mid = Math.abs(Number(range.point));
  if (mid === 0 || (Math.abs(high - mid) / mid < 0.1 && Math.abs(mid - low) / mid < 0.1)) return point;
  return `${point} (${wholeFromHundred(Math.min(low, high))}–${wholeFromHundred(Math.max(low, high))})`;
}

/** What following a finding does to spend: "saves $640/mo ($420–$910)" or "adds $4.82/mo ($1.81–$10.85)". */
export function formatSavingEffect(range: { low: string; point: string; high: string }): string {
  return `${Number(range.point) >= 0 ? 'saves' : 'adds'} ${formatMonthlyRange(range)}`;
}

function wholeFromHundred(n: number): string {
  return n >= 100 ? usdWhole.format(n) : formatUsd(n);
}

/** A count: "12,345". */
export function formatCount(n: number): string {
  return count.format(n);
}

/** Tokens: "850 tok", "12.3K tok". */
export function formatTokens(n: number): string {
  return `${n >= 1_000 ? compact.format(n) : count.format(n)} tok`;
}

/** A fraction as a percentage with `digits` decimals: "12.5%". */
export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

/** A share of a whole as a whole percentage: "42%"; below 1%, "<1%". */
export function formatShare(fraction: number): string {
  if (fraction > 0 && fraction < 0.01) return '<1%';
  return `${Math.round(fraction * 100)}%`;
}

/** A signed relative change, e.g. "+12.5%", "−3.0%", "±0.0%"; "new" when there is nothing to compare with. */
export function formatChange(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return 'new';
  const sign = fraction > 0 ? '+' : fraction < 0 ? '−' : '±';
  return `${sign}${Math.abs(fraction * 100).toFixed(1)}%`;
}

/** A change against last week in words: "+12.5% vs last week", "new this week". */
export function formatChangeVsLastWeek(fraction: number | null): string {
  return fraction === null || !Number.isFinite(fraction) ? 'new this week' : `${formatChange(fraction)} vs last week`;
}

/** A change in benchmark points: "−1.2 pts", "+25.0 pts". */
export function formatPoints(points: number): string {
  const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
  return `${sign}${Math.abs(points).toFixed(1)} pts`;
}

/** An exact price per million tokens from a decimal string, at least to the cent: "$2.50 / MTok", "$0.0375 / MTok"; "—" for none. */
export function formatPerMTok(decimal: string | null | undefined): string {
  if (decimal === null || decimal === undefined) return '—';
  const [whole = '0', fraction = ''] = decimal.split('.');
  return `$${whole}.${fraction.padEnd(2, '0')} / MTok`;
}

/** A benchmark score in percent: "85% (80–90)" for a range with a point, "80–90%" without, "70%" when exact. */
export function formatScore(score: { low: number; high: number; point: number | null }): string {
  const n = (v: number) => String(Math.round(v * 10) / 10);
  if (score.low === score.high) return `${n(score.low)}%`;
  return score.point === null ? `${n(score.low)}–${n(score.high)}%` : `${n(score.point)}% (${n(score.low)}–${n(score.high)})`;
}

/** Milliseconds as "850 ms" or "2.4 s"; "—" for none. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
