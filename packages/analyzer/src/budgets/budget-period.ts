import { addDays, localParts, zonedTime } from '../time/zoned-time.ts';

/** A budget's current period: local days `[firstDay, endDay)` and the instants they span. */
export interface BudgetPeriod {
  firstDay: string;
  /** The day after the period's last day. */
  endDay: string;
  start: Date;
  end: Date;
  /** The current local day, and the share of it that has passed. */
  today: string;
  todayElapsed: number;
}

/**
 * The month or week (Monday to Sunday) containing `now` in a time zone, the way the budget's
 * owner reads a calendar.
 */
export function budgetPeriod(now: Date, period: 'month' | 'week', timeZone: string): BudgetPeriod {
  const local = localParts(now, timeZone);
  let firstDay: string;
  let endDay: string;
  if (period === 'month') {
    firstDay = `${local.day.slice(0, 8)}01`;
    const [y, m] = firstDay.split('-').map(Number) as [number, number];
    endDay = new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  } else {
    firstDay = addDays(local.day, -((local.weekday + 6) % 7));
    endDay = addDays(firstDay, 7);
  }
  const dayStart = zonedTime(local.day, 0, timeZone).getTime();
  const dayEnd = zonedTime(addDays(local.day, 1), 0, timeZone).getTime();
  return {
    firstDay,
    endDay,
    start: zonedTime(firstDay, 0, timeZone),
    end: zonedTime(endDay, 0, timeZone),
    today: local.day,
    todayElapsed: Math.min(1, Math.max(0, (now.getTime() - dayStart) / (dayEnd - dayStart))),
  };
}
