import { describe, expect, it } from 'vitest';
import { budgetPeriod } from './budget-period.ts';

describe('budgetPeriod', () => {
  it('is the calendar month in the owner’s time zone, not UTC’s', () => {
    // 2026-12-01 03:00 UTC is still 30 November in Los Angeles.
    const p = budgetPeriod(new Date('2026-12-01T03:00:00Z'), 'month', 'America/Los_Angeles');
    expect(p.firstDay).toBe('2026-11-01');
    expect(p.endDay).toBe('2026-12-01');
    expect(p.start.toISOString()).toBe('2026-11-01T07:00:00.000Z');
    expect(p.end.toISOString()).toBe('2026-12-01T08:00:00.000Z');
    expect(p.today).toBe('2026-11-30');
    expect(p.todayElapsed).toBeCloseTo(19 / 24);
  });

  it('is Monday to Sunday for weekly budgets, and December ends on 1 January', () => {
    const w = budgetPeriod(new Date('2026-12-04T12:00:00Z'), 'week', 'UTC');
    expect([w.firstDay, w.endDay]).toEqual(['2026-11-30', '2026-12-07']);
    const m = budgetPeriod(new Date('2026-12-31T23:00:00Z'), 'month', 'Europe/Berlin');
    expect([m.firstDay, m.endDay, m.today]).toEqual(['2027-01-01', '2027-02-01', '2027-01-01']);
  });
});
