import { describe, expect, it } from 'vitest';
import { periodBuckets } from './aggregate-rollups.ts';

const DAY = 86_400_000;
const at = (iso: string) => new Date(iso);

describe('periodBuckets', () => {
  it('lays weeks from the period start by default and leaves the trailing part out', () => {
    const b = periodBuckets({ start: at('2026-08-24T19:00:00Z'), end: at('2026-11-22T19:00:00Z') });
    expect(b.daysPerBucket).toBe(7);
    expect(b.firstBucketStart).toBe(Date.parse('2026-08-24T19:00:00Z'));
    expect(b.count).toBe(12);
  });

  it('ends whole-day buckets at the last UTC midnight when aligned to it', () => {
    const start = at('2026-08-24T19:00:00Z');
    const b = periodBuckets({ start, end: at('2026-11-22T19:00:00Z') }, 'utc-midnight');
    expect(b.daysPerBucket).toBe(7);
    expect(b.count).toBe(12);
    expect(b.firstBucketStart % DAY).toBe(0);
    expect(b.firstBucketStart + b.count * 7 * DAY).toBe(Date.parse('2026-11-22T00:00:00Z'));
    expect(b.firstBucketStart).toBeGreaterThanOrEqual(start.getTime());
  });

  it('uses days for short periods and none under two days', () => {
    const days = periodBuckets({ start: at('2026-11-15T15:00:00Z'), end: at('2026-11-20T15:00:00Z') }, 'utc-midnight');
    expect([days.daysPerBucket, days.count, new Date(days.firstBucketStart).toISOString()]).toEqual([1, 4, '2026-11-16T00:00:00.000Z']);
    expect(periodBuckets({ start: at('2026-11-20T00:00:00Z'), end: at('2026-11-21T00:00:00Z') }, 'utc-midnight').count).toBe(0);
  });

  it('refuses an empty period', () => {
    expect(() => periodBuckets({ start: at('2026-11-20T00:00:00Z'), end: at('2026-11-20T00:00:00Z') })).toThrow(RangeError);
  });
});
