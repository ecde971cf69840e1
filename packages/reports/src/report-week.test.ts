import { describe, expect, it } from 'vitest';
import { hourAligned, lastCompleteWeek, latestScheduledReport, reportWeek, zonedTime } from './report-week.ts';

const monday9 = (timeZone: string) => ({ dayOfWeek: 1, hour: 9, timeZone });

describe('latestScheduledReport', () => {
  it('is Monday 09:00 UTC for the week before, Monday to Sunday', () => {
    const r = latestScheduledReport(new Date('2026-11-23T09:00:00Z'), monday9('UTC'));
    expect(r.sendAt.toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(r.week).toMatchObject({ firstDay: '2026-11-16', lastDay: '2026-11-22' });
    expect(r.week.start.toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(r.week.end.toISOString()).toBe('2026-11-23T00:00:00.000Z');
  });

  it('falls back a week until the scheduled minute has come', () => {
    const r = latestScheduledReport(new Date('2026-11-23T08:59:59Z'), monday9('UTC'));
    expect(r.sendAt.toISOString()).toBe('2026-11-16T09:00:00.000Z');
    expect(r.week.firstDay).toBe('2026-11-09');
  });

  it('uses the subscriber’s own Monday 09:00 and local days', () => {
    // Los Angeles is UTC−8 in November: Monday 09:00 there is 17:00 UTC.
    const la = latestScheduledReport(new Date('2026-11-23T17:00:00Z'), monday9('America/Los_Angeles'));
    expect(la.sendAt.toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(la.week.start.toISOString()).toBe('2026-11-16T08:00:00.000Z');
    expect(latestScheduledReport(new Date('2026-11-23T16:59:00Z'), monday9('America/Los_Angeles')).week.firstDay).toBe('2026-11-09');
    // Tokyo (UTC+9): Monday 09:00 is Monday 00:00 UTC, while it is still Sunday in London.
    const tokyo = latestScheduledReport(new Date('2026-11-23T00:00:00Z'), monday9('Asia/Tokyo'));
    expect(tokyo.week).toMatchObject({ firstDay: '2026-11-16', lastDay: '2026-11-22' });
    expect(tokyo.week.end.toISOString()).toBe('2026-11-22T15:00:00.000Z');
  });

  it('follows the configured day and hour', () => {
    const friday = latestScheduledReport(new Date('2026-11-22T12:00:00Z'), { dayOfWeek: 5, hour: 17, timeZone: 'Europe/Berlin' });
    expect(friday.sendAt.toISOString()).toBe('2026-11-20T16:00:00.000Z');
    expect(friday.week).toMatchObject({ firstDay: '2026-11-13', lastDay: '2026-11-19' });
  });

  it('handles weeks across a daylight saving change', () => {
    // Europe/Berlin leaves summer time on 2026-10-25: that week has 169 hours.
    const w = reportWeek('2026-10-19', 'Europe/Berlin');
    expect(w.start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(w.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect((w.end.getTime() - w.start.getTime()) / 3_600_000).toBe(169);
    // 02:30 does not exist on 2026-03-29 in Berlin; the hour after the gap is used.
    expect(zonedTime('2026-03-29', 2, 'Europe/Berlin').toISOString()).toBe('2026-03-29T01:00:00.000Z');
  });

  it('keeps half-hour time zones on whole hours without overlapping weeks', () => {
    const a = hourAligned(reportWeek('2026-11-16', 'Asia/Kolkata'));
    const b = hourAligned(reportWeek('2026-11-23', 'Asia/Kolkata'));
    expect(a.to.getTime()).toBe(b.from.getTime());
    expect(a.from.getUTCMinutes()).toBe(0);
  });

  it('rejects an unknown time zone', () => {
    expect(() => latestScheduledReport(new Date(), monday9('Mars/Olympus_Mons'))).toThrow(RangeError);
  });
});

describe('lastCompleteWeek', () => {
  it('is the Monday-to-Sunday week before the current one', () => {
    expect(lastCompleteWeek(new Date('2026-11-25T12:00:00Z'), 'UTC')).toMatchObject({ firstDay: '2026-11-16', lastDay: '2026-11-22' });
  });
});
