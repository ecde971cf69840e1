import { describe, expect, it } from 'vitest';
import { forecastPeriodSpend, type DailySpend } from './forecast-period-spend.ts';

const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);

/** Daily spend from `from` for `n` days: `base` on weekdays, `weekend` on Saturdays and Sundays, plus `growth` per day. */
function days(from: string, n: number, base: number, weekend: number, growth = 0): DailySpend[] {
  const t0 = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: n }, (_, k) => {
    const wd = new Date(t0 + k * DAY).getUTCDay();
    return { day: iso(t0 + k * DAY), costUsd: (wd === 0 || wd === 6 ? weekend : base) + growth * k };
  });
}

describe('forecastPeriodSpend', () => {
  it('forecasts a flat weekly pattern exactly, weekends included', () => {
    // October and November 2026; forecast December from its 15th with the 14 days spent.
    const history = days('2026-10-01', 75, 100, 20);
    const f = forecastPeriodSpend(history, { periodStart: '2026-12-01', periodEnd: '2027-01-01', today: '2026-12-15', todayElapsed: 0 });
    const truth = days('2026-10-01', 92, 100, 20).filter((d) => d.day >= '2026-12-01').reduce((s, d) => s + d.costUsd, 0);
    expect(f.method).toBe('seasonal-trend');
    expect(f.actualUsd).toBeCloseTo(days('2026-12-01', 14, 100, 20).reduce((s, d) => s + d.costUsd, 0));
    expect(f.forecastUsd).toBeCloseTo(truth, 6);
    expect(f.lowUsd).toBeCloseTo(truth, 6);
    expect(f.highUsd).toBeCloseTo(truth, 6);
  });

  it('follows a linear trend rather than the run rate', () => {
    const history = days('2026-10-01', 75, 50, 50, 1);
    const f = forecastPeriodSpend(history, { periodStart: '2026-12-01', periodEnd: '2027-01-01', today: '2026-12-15', todayElapsed: 0 });
    const truth = days('2026-10-01', 92, 50, 50, 1).filter((d) => d.day >= '2026-12-01').reduce((s, d) => s + d.costUsd, 0);
    expect(f.forecastUsd).toBeCloseTo(truth, 6);
    const runRate = (f.actualUsd / 14) * 31;
    expect(Math.abs(f.forecastUsd - truth)).toBeLessThan(Math.abs(runRate - truth));
  });

  it('gives a range that holds the truth on noisy spend, and counts only the part of today left', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const history = days('2026-10-01', 92, 100, 30).map((d) => ({ ...d, costUsd: d.costUsd * (0.8 + 0.4 * rand()) }));
    const known = history.filter((d) => d.day < '2026-12-15');
    const truth = history.filter((d) => d.day >= '2026-12-01').reduce((s, d) => s + d.costUsd, 0);
    const f = forecastPeriodSpend(known, { periodStart: '2026-12-01', periodEnd: '2027-01-01', today: '2026-12-15', todayElapsed: 0 });
    expect(f.lowUsd).toBeLessThan(truth);
    expect(f.highUsd).toBeGreaterThan(truth);
    const later = forecastPeriodSpend(known, { periodStart: '2026-12-01', periodEnd: '2027-01-01', today: '2026-12-15', todayElapsed: 0.5 });
    expect(later.forecastUsd).toBeLessThan(f.forecastUsd);
  });

  it('falls back to the run rate with under two weeks of history', () => {
    const f = forecastPeriodSpend(days('2026-12-01', 10, 10, 10), { periodStart: '2026-12-01', periodEnd: '2027-01-01', today: '2026-12-11', todayElapsed: 0 });
    expect(f.method).toBe('run-rate');
    expect(f.actualUsd).toBe(100);
    expect(f.forecastUsd).toBeCloseTo(310);
  });
});
