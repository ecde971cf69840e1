import { describe, expect, it } from 'vitest';
import { detectSpendAnomalies, type HourlySpendSeries } from './detect-spend-anomalies.ts';
import { explainAnomaly } from './explain-anomaly.ts';

const HOUR = 3_600_000;
const start = Date.UTC(2026, 10, 2); // a Monday

/** Five weeks of an office-hours series: $10/h from 09:00 to 17:00 UTC on weekdays, else $0.5. */
function officeSeries(spike?: { at: number; usd: number }): HourlySpendSeries {
  const points = [];
  for (let h = 0; h < 5 * 168; h++) {
    const t = new Date(start + h * HOUR);
    const weekday = t.getUTCDay() >= 1 && t.getUTCDay() <= 5;
    const office = weekday && t.getUTCHours() >= 9 && t.getUTCHours() < 17;
    let usd = office ? 10 + (h % 3) : 0.5;
    if (spike && h === spike.at) usd += spike.usd;
    points.push({ hour: t, costUsd: usd });
  }
  return { key: { model: 'gpt-4o', queryType: 'extraction' }, points };
}
const lastWeek = { from: new Date(start + 4 * 168 * HOUR), to: new Date(start + 5 * 168 * HOUR) };

describe('detectSpendAnomalies', () => {
  it('flags nothing on a series that repeats its weekly shape, office hours included', () => {
    expect(detectSpendAnomalies([officeSeries()], lastWeek)).toEqual([]);
  });

  it('flags a spike at night that would be ordinary during office hours, and names its hour', () => {
    const at = 4 * 168 + 24 + 3; // Tuesday 03:00 of the last week
    const [anomaly, ...rest] = detectSpendAnomalies([officeSeries({ at, usd: 12 })], lastWeek);
    expect(rest).toEqual([]);
    expect(anomaly!.from.getTime()).toBe(start + at * HOUR);
    expect(anomaly!.to.getTime()).toBe(start + (at + 1) * HOUR);
    expect(anomaly!.spendUsd).toBeCloseTo(12.5);
    expect(anomaly!.expectedUsd).toBeCloseTo(0.5);
    expect(anomaly!.key).toEqual({ model: 'gpt-4o', queryType: 'extraction' });
  });

  it('ignores a jump below the minimum excess, however large in relative terms', () => {
    const at = 4 * 168 + 24 + 3;
    expect(detectSpendAnomalies([officeSeries({ at, usd: 0.9 })], lastWeek)).toEqual([]);
    expect(detectSpendAnomalies([officeSeries({ at, usd: 0.9 })], lastWeek, { minExcessUsd: 0.5 })).toHaveLength(1);
  });

  it('is not fooled by an earlier spike in the baseline weeks (median, not mean)', () => {
    const s = officeSeries({ at: 2 * 168 + 24 + 3, usd: 500 });
    expect(detectSpendAnomalies([s], lastWeek)).toEqual([]);
    const again = officeSeries({ at: 4 * 168 + 24 + 3, usd: 20 });
    const merged: HourlySpendSeries = { key: again.key, points: [...s.points.filter((p) => p.hour < lastWeek.from), ...again.points.filter((p) => p.hour >= lastWeek.from)] };
    expect(detectSpendAnomalies([merged], lastWeek)).toHaveLength(1);
  });

  it('joins consecutive anomalous hours into one anomaly', () => {
    const s = officeSeries();
    const at = 4 * 168 + 24 + 2;
    const points = s.points.map((p, h) => (h >= at && h < at + 3 ? { ...p, costUsd: p.costUsd + 30 } : p));
    const anomalies = detectSpendAnomalies([{ key: s.key, points }], lastWeek);
    expect(anomalies).toHaveLength(1);
    expect(anomalies[0]!.to.getTime() - anomalies[0]!.from.getTime()).toBe(3 * HOUR);
    expect(anomalies[0]!.spendUsd).toBeCloseTo(91.5);
  });

  it('does not judge a series before it has a full baseline', () => {
    const s = officeSeries({ at: 4 * 168 + 24 + 3, usd: 50 });
    const young = { key: s.key, points: s.points.filter((p) => p.hour.getTime() >= start + 2 * 168 * HOUR) };
    expect(detectSpendAnomalies([young], lastWeek)).toEqual([]);
  });
});

describe('explainAnomaly', () => {
  it('names the value whose spend grew most, with its before and after', () => {
    const drivers = explainAnomaly(
      [
        { dimension: 'feature', value: 'search', costUsd: 40 },
        { dimension: 'feature', value: 'chat', costUsd: 5 },
        { dimension: 'endUser', value: 'u-7', costUsd: 30 },
        { dimension: 'endUser', value: '', costUsd: 15 },
      ],
      [
        { dimension: 'feature', value: 'search', costUsd: 8 },
        { dimension: 'feature', value: 'chat', costUsd: 20 },
        { dimension: 'endUser', value: '', costUsd: 28 },
      ],
      4,
    );
    expect(drivers[0]).toEqual({ dimension: 'feature', value: 'search', beforeUsd: 2, afterUsd: 40 });
    expect(drivers[1]).toEqual({ dimension: 'endUser', value: 'u-7', beforeUsd: 0, afterUsd: 30 });
    expect(drivers.map((d) => d.value)).not.toContain('');
  });
});
