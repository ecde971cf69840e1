import { z } from 'zod';
import { median } from '../anomalies/robust-stats.ts';

const DAY_MS = 86_400_000;

/** One local calendar day's spend: `day` is `YYYY-MM-DD` in the budget owner's time zone. */
export interface DailySpend {
  readonly day: string;
  readonly costUsd: number;
}

export const ZForecastInput = z.object({
  /** First day of the period (e.g. the 1st of the month), `YYYY-MM-DD`. */
  periodStart: z.iso.date(),
  /** The day after the period's last day, `YYYY-MM-DD`. */
  periodEnd: z.iso.date(),
  /** The current local day, `YYYY-MM-DD`; days before it are complete. */
  today: z.iso.date(),
  /** Share of today that has passed, 0–1. */
  todayElapsed: z.number().min(0).max(1),
});
export type ForecastInput = z.infer<typeof ZForecastInput>;

/** Spend at the end of a period: what is spent so far plus the forecast of the rest, with a 90% range. */
export interface PeriodForecast {
  /** Spent from the period's start until now, USD. */
  readonly actualUsd: number;
  /** Forecast total for the whole period, USD. */
  readonly forecastUsd: number;
  /** 5th and 95th percentile of the total, USD. */
  readonly lowUsd: number;
  readonly highUsd: number;
  /** Complete days of history the forecast read (at most 56). */
  readonly historyDays: number;
  /** How it was made, for the page's footnote. */
  readonly method: 'seasonal-trend' | 'run-rate';
}

/** The history read, in days: eight weeks, enough for four of each weekday and a trend. */
export const FORECAST_HISTORY_DAYS = 56;
const Z90 = 1.645;

const dayIndex = (day: string) => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
/** 0 = Sunday, from the day's index (1970-01-01 was a Thursday). */
const weekdayOf = (index: number) => (index + 4) % 7;

/**
 * Forecasts a period's total spend (a month or a week in the owner's time zone) from daily
 * spend: a seasonal naive model over days of the week plus a trend. Each weekday's factor is
 * the median ratio of its last four values to a robust line through the days; the trend is the
 * Theil–Sen slope of the deseasonalised days (up to eight weeks), and the level the median of
 * those days moved to today along it. The 90% range is the wider of two: the model's own (the
 * days' spread around the line, plus the level's and the slope's uncertainty, which move every
 * remaining day together), and the 90th percentile of the errors the same forecast made over
 * as many days from earlier cut-offs of this history (the model's own range alone held the truth
 * in about half the backtest's months; see `bench/forecast`). With under two weeks of history it falls back to the period's run rate
 * (spend so far ÷ time elapsed), with a range from the days' spread.
 */
export function forecastPeriodSpend(daily: readonly DailySpend[], input: ForecastInput): PeriodForecast {
  const { periodStart, periodEnd, today, todayElapsed } = ZForecastInput.parse(input);
  const start = dayIndex(periodStart);
  const end = dayIndex(periodEnd);
  const now = dayIndex(today);
  const spend = new Map<number, number>();
  let firstSeen = Infinity;
  for (const d of daily) {
    const i = dayIndex(d.day);
    spend.set(i, (spend.get(i) ?? 0) + d.costUsd);
    if (d.costUsd > 0 && i < firstSeen) firstSeen = i;
  }
  let actual = 0;
  for (let i = start; i <= Math.min(now, end - 1); i++) actual += spend.get(i) ?? 0;

  const historyFrom = Math.max(now - FORECAST_HISTORY_DAYS, firstSeen);
  const history: Array<{ i: number; v: number }> = [];
  for (let i = historyFrom; i < now; i++) history.push({ i, v: spend.get(i) ?? 0 });
  const remaining: number[] = [];
  for (let i = Math.max(now, start); i < end; i++) remaining.push(i);
  const weightOf = (i: number) => (i === now ? 1 - todayElapsed : 1);

  if (history.length < 14) {
    const elapsed = Math.max(now - start + todayElapsed, 1e-9);
    const rate = actual / elapsed;
    const days = history.length > 1 ? history.map((h) => h.v) : [rate];
    const sd = Math.sqrt(variance(days));
    const left = remaining.reduce((sum, i) => sum + weightOf(i), 0);
    const forecast = actual + rate * left;
    const half = Z90 * sd * Math.sqrt(left);
    return { actualUsd: actual, forecastUsd: forecast, lowUsd: Math.max(actual, forecast - half), highUsd: forecast + half, historyDays: history.length, method: 'run-rate' };
  }

  const weights = remaining.map((i) => ({ i, w: weightOf(i) }));
  const model = project(history, now, weights);
  // The model's own range assumes its form is right; the same forecast made from earlier days of
  // the history and checked against what followed says how wrong it was on this project.
  const checked = backtestErrors(history, weights.reduce((s, d) => s + d.w, 0));
  const empirical = checked.length >= 4 ? quantile(checked, 0.9) * model.rest : 0;
  const forecast = actual + model.rest;
  const half = Math.max(model.half, empirical);
  return {
    actualUsd: actual,
    forecastUsd: forecast,
    lowUsd: Math.max(actual, forecast - half),
    highUsd: forecast + half,
    historyDays: history.length,
    method: 'seasonal-trend',
  };
}

/** The model fitted on `history` and projected over the weighted days to come, with its own 90% half-width. */
function project(history: ReadonlyArray<{ i: number; v: number }>, now: number, days: ReadonlyArray<{ i: number; w: number }>): { rest: number; half: number } {
  const factors = weekdayFactors(history, now);
  const deseason = history.map((h) => ({ i: h.i, v: h.v / factors[weekdayOf(h.i)]! }));
  const { slope, level } = robustLine(deseason, now);
  const residuals = deseason.map((d) => d.v - (level + slope * (d.i - now)));
  const sigma = 1.4826 * median(residuals.map(Math.abs));
  const slopeSe = sigma / Math.sqrt(Math.max(1, sumSquares(deseason.map((d) => d.i))));
  // The level's error moves every remaining day together, so it is added once, not per day.
  const levelSe = (1.2533 * sigma) / Math.sqrt(deseason.length);
  let rest = 0;
  let dayVariance = 0;
  let slopeLever = 0;
  let levelLever = 0;
  for (const { i, w } of days) {
    const f = factors[weekdayOf(i)]!;
    rest += w * f * Math.max(0, level + slope * (i - now));
    dayVariance += (w * f * sigma) ** 2;
    slopeLever += w * f * (i - now);
    levelLever += w * f;
  }
  return { rest, half: Z90 * Math.sqrt(dayVariance + (slopeLever * slopeSe) ** 2 + (levelLever * levelSe) ** 2) };
}

/**
 * Relative errors of the same forecast over `horizon` days made from earlier cut-offs of the
 * history (every third day, each fitted on at least three weeks before it).
 */
function backtestErrors(history: ReadonlyArray<{ i: number; v: number }>, horizon: number): number[] {
  const length = Math.ceil(horizon);
  const errors: number[] = [];
  if (length <= 0) return errors;
  for (let cut = history.length - length; cut >= 21; cut -= 3) {
    const before = history.slice(0, cut);
    const after = history.slice(cut, cut + length);
    const predicted = project(before, history[cut]!.i, after.map((d) => ({ i: d.i, w: 1 }))).rest;
    const truth = after.reduce((s, d) => s + d.v, 0);
    if (predicted > 0) errors.push(Math.abs(truth - predicted) / predicted);
  }
  return errors;
}

function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Each weekday's factor: the median ratio of its last four values to a robust line through the
 * raw days (so a trend is not mistaken for a weekday effect), normalised to average 1.
 */
function weekdayFactors(history: ReadonlyArray<{ i: number; v: number }>, now: number): number[] {
  const { slope, level } = robustLine(history, now);
  const byWeekday: number[][] = [[], [], [], [], [], [], []];
  for (const h of history.slice(-28)) {
    const expected = level + slope * (h.i - now);
    if (expected > 0) byWeekday[weekdayOf(h.i)]!.push(h.v / expected);
  }
  const raw = byWeekday.map((ratios) => (ratios.length > 0 ? median(ratios) : 1));
  const mean = raw.reduce((s, v) => s + v, 0) / 7;
  // A weekday that is usually empty keeps a small factor rather than zero, so a first call on it is not infinitely surprising.
  return raw.map((r) => (mean > 0 ? Math.max(r / mean, 0.05) : 1));
}

/** A Theil–Sen line through the days, as its slope and its value at `now`. */
function robustLine(points: ReadonlyArray<{ i: number; v: number }>, now: number): { slope: number; level: number } {
  const slope = theilSenSlope(points);
  return { slope, level: median(points.map((p) => p.v - slope * (p.i - now))) };
}

/** The median of the slopes between every pair of points (at most 56 points: 1,540 pairs). */
function theilSenSlope(points: ReadonlyArray<{ i: number; v: number }>): number {
  const slopes: number[] = [];
  for (let a = 0; a < points.length; a++) {
    for (let b = a + 1; b < points.length; b++) slopes.push((points[b]!.v - points[a]!.v) / (points[b]!.i - points[a]!.i));
  }
  return median(slopes);
}

function variance(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1);
}

function sumSquares(indices: readonly number[]): number {
  const mean = indices.reduce((s, v) => s + v, 0) / indices.length;
  return indices.reduce((s, v) => s + (v - mean) ** 2, 0);
}
