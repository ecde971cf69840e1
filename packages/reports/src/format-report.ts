/**
 * The one place the weekly report's numbers become text (HTML email, plain-text part,
 * subject): money, counts, percentages, changes, quality points and dates.
 */
import type { ReportWeek, WeeklyAdvice, WeeklyRuleLine } from '@tierlens/analyzer';

type UsdRange = WeeklyAdvice['monthlySavingUsd'];

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdSmall = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const usdWhole = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const count = new Intl.NumberFormat('en-US');

/** USD from an exact decimal string: "$1,234.56"; under a cent, up to four decimals ("$0.0042"). */
export function formatMoney(decimal: string): string {
  const n = Number(decimal);
  if (n !== 0 && Math.abs(n) < 0.01) return usdSmall.format(n);
  return usd.format(n);
}

/** Spend of a line: "unpriced" when none of its calls has a price (never a silent $0). */
export function formatSpend(line: { costUsd: string; calls: number; unpricedCalls: number }): string {
  return line.calls > 0 && line.unpricedCalls === line.calls ? 'unpriced' : formatMoney(line.costUsd);
}

/** An estimated monthly amount, rounded to the dollar from $100 up: "$1,240/mo", "$63.92/mo". */
export function formatMonthly(decimal: string): string {
  const n = Math.abs(Number(decimal));
  return `${n >= 100 ? usdWhole.format(n) : formatMoney(String(n))}/mo`;
}

/** A monthly estimate with its range when the range is wide: "$640/mo ($420–$910)". */
export function formatMonthlyRange(range: UsdRange): string {
  const point = formatMonthly(range.point);
  const low = Math.abs(Number(range.low));
  const high = Math.abs(Number(range.high));
  const mid = Math.abs(Number(range.point));
  if (mid === 0 || (Math.abs(high - mid) / mid < 0.1 && Math.abs(mid - low) / mid < 0.1)) return point;
  const [a, b] = [Math.min(low, high), Math.max(low, high)];
  const f = (n: number) => (n >= 100 ? usdWhole.format(n) : formatMoney(String(n)));
  return `${point} (${f(a)}–${f(b)})`;
}

export function formatCount(n: number): string {
  return count.format(n);
}

/** A share as a percentage: "42%"; below 1%, "<1%". */
export function formatShare(fraction: number): string {
  if (fraction > 0 && fraction < 0.01) return '<1%';
  return `${Math.round(fraction * 100)}%`;
}

/** A signed relative change, e.g. "+12.5%" or "−3.0%"; "new" when there is nothing to compare with. */
export function formatChange(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return 'new';
  const sign = fraction > 0 ? '+' : fraction < 0 ? '−' : '±';
  return `${sign}${Math.abs(fraction * 100).toFixed(1)}%`;
}

/** A change against last week in words: "+12.5% vs last week", "new this week". */
export function formatChangeVsLastWeek(fraction: number | null): string {
  return fraction === null || !Number.isFinite(fraction) ? 'new this week' : `${formatChange(fraction)} vs last week`;
}

/** What following a finding does to spend: "saves $640/mo ($420–$910)" or "adds $4.82/mo ($1.81–$10.85)". */
export function formatSavingEffect(range: UsdRange): string {
  return `${Number(range.point) >= 0 ? 'saves' : 'adds'} ${formatMonthlyRange(range)}`;
}

/** A change in benchmark points: "−1.2 pts", "+25.0 pts". */
export function formatPoints(points: number): string {
  const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
  return `${sign}${Math.abs(points).toFixed(1)} pts`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function dayParts(day: string): { y: number; m: string; d: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return { y, m: MONTHS[m - 1]!, d };
}

/** A report week as days: "Nov 16 – 22, 2026", "Nov 30 – Dec 6, 2026", "Dec 28, 2026 – Jan 3, 2027". */
export function formatWeek(week: Pick<ReportWeek, 'firstDay' | 'lastDay'>): string {
  const a = dayParts(week.firstDay);
  const b = dayParts(week.lastDay);
  if (a.y !== b.y) return `${a.m} ${a.d}, ${a.y} – ${b.m} ${b.d}, ${b.y}`;
  if (a.m !== b.m) return `${a.m} ${a.d} – ${b.m} ${b.d}, ${b.y}`;
  return `${a.m} ${a.d} – ${b.d}, ${b.y}`;
}

export { queryTypeLabel } from '@tierlens/analyzer/query-type-label';

/** One rule of "rules in effect": mode, routed calls, realized vs predicted saving, pause reason. */
export function ruleInEffectLine(r: WeeklyRuleLine): string {
  const money = (v: number | null) => (v === null ? '—' : formatMoney(v.toFixed(10)));
  const base = `${r.label} (${r.mode}): ${formatCount(r.routedCalls)} routed, ${formatCount(r.controlCalls)} control; saving realized ${money(r.realizedSavingUsd)}, predicted ${money(r.predictedSavingUsd)}`;
  return r.pauseReason ? `${base}. ${r.pauseReason}` : base;
}
