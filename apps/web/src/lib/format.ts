/** The one place numbers become text: money, tokens, counts and percentages. */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });
const usdCents = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 4 });
const usdTiny = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumSignificantDigits: 2 });
const count = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

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

export function formatCount(n: number): string {
  return count.format(n);
}

export function formatTokens(n: number): string {
  return `${n >= 1_000 ? compact.format(n) : count.format(n)} tok`;
}

export function formatPercent(fraction: number, digits = 1): string {
  return `${(fraction * 100).toFixed(digits)}%`;
}

const axisUsd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', notation: 'compact', maximumFractionDigits: 1 });

/** Short USD for chart axes ($1.2K). */
export function formatUsdAxis(n: number): string {
  return n > 0 && n < 1 ? `$${n.toFixed(2)}` : axisUsd.format(n);
}

/** A signed relative change, e.g. "+12.5%"; "—" when there is nothing to compare with. */
export function formatChange(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—';
  const sign = fraction > 0 ? '+' : fraction < 0 ? '−' : '';
  return `${sign}${Math.abs(fraction * 100).toFixed(1)}%`;
}

/** A chart bucket's label: "Nov 20" for days, "Nov 20 14:00" for hours (UTC). */
export function formatBucket(t: number, bucket: 'hour' | 'day'): string {
  const d = new Date(t);
  const day = d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
  return bucket === 'day' ? day : `${day} ${String(d.getUTCHours()).padStart(2, '0')}:00`;
}

/** Milliseconds as "850 ms" or "2.4 s". */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

const dateTime = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' });

/** A moment in the reader's time zone, e.g. "Nov 20, 2026, 2:05 PM"; "—" for none. */
export function formatDateTime(d: Date | null | undefined): string {
  return d ? dateTime.format(d) : '—';
}

/** A day, e.g. "Nov 20, 2026"; "—" for none. */
export function formatDate(d: Date | null | undefined): string {
  return d ? dateOnly.format(d) : '—';
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

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** 0 = Sunday … 6 = Saturday. */
export function formatWeekday(day: number): string {
  return WEEKDAYS[day] ?? '—';
}

/** An hour of the day as "09:00". */
export function formatHour(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
