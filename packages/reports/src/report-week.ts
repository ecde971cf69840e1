import type { ReportWeek } from '@tierlens/analyzer';

/** When a subscriber gets the report: a day of the week (0 = Sunday) and an hour, in a time zone. */
export interface ReportSchedule {
  readonly dayOfWeek: number;
  readonly hour: number;
  readonly timeZone: string;
}

/** The most recent scheduled send and the week it reports on. */
export interface ScheduledReport {
  /** The scheduled moment (the subscriber's day and hour). */
  readonly sendAt: Date;
  /** The seven local days before the send day. */
  readonly week: ReportWeek;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock date, time and weekday of an instant in a time zone. */
export function localParts(at: Date, timeZone: string) {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(at).map((p) => [p.type, p.value]));
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS[parts.weekday!]!,
  };
}

/** `YYYY-MM-DD` plus `n` days. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + n * DAY_MS).toISOString().slice(0, 10);
}

/** How far the time zone's wall clock is ahead of UTC at an instant, in ms. */
function offsetAt(t: number, timeZone: string): number {
  const p = localParts(new Date(t), timeZone);
  const [y, m, d] = p.day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
}

/**
 * The instant a wall-clock hour of a local day happens in a time zone. An hour that happens
 * twice (clocks going back) is its first occurrence; an hour skipped (clocks going forward)
 * maps to the hour after it.
 */
export function zonedTime(day: string, hour: number, timeZone: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour);
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  return new Date(Math.max(first, second));
}

/** The seven local days starting on `firstDay`, as instants `[start, end)`. */
export function reportWeek(firstDay: string, timeZone: string): ReportWeek {
  return {
    start: zonedTime(firstDay, 0, timeZone),
    end: zonedTime(addDays(firstDay, 7), 0, timeZone),
    firstDay,
    lastDay: addDays(firstDay, 6),
    timeZone,
  };
}

/**
 * The latest scheduled send at or before `now` (e.g. the last Monday 09:00 in the subscriber's
 * time zone) and the week it covers: the seven local days before the send day.
 */
export function latestScheduledReport(now: Date, schedule: ReportSchedule): ScheduledReport {
  const local = localParts(now, schedule.timeZone);
  let sendDay = addDays(local.day, -((local.weekday - schedule.dayOfWeek + 7) % 7));
  let sendAt = zonedTime(sendDay, schedule.hour, schedule.timeZone);
  if (sendAt.getTime() > now.getTime()) {
    sendDay = addDays(sendDay, -7);
    sendAt = zonedTime(sendDay, schedule.hour, schedule.timeZone);
  }
  return { sendAt, week: reportWeek(addDays(sendDay, -7), schedule.timeZone) };
}

/** The last complete week (by default Monday to Sunday) in a time zone at `now`. */
export function lastCompleteWeek(now: Date, timeZone: string, firstDayOfWeek = 1): ReportWeek {
  return latestScheduledReport(now, { dayOfWeek: firstDayOfWeek, hour: 0, timeZone }).week;
}

/**
 * A week's instants on whole hours (the rollups' resolution): in time zones with a half-hour
 * offset the week starts and ends at the hour before local midnight, so consecutive weeks
 * never overlap.
 */
export function hourAligned(week: ReportWeek): { from: Date; to: Date } {
  return { from: new Date(Math.floor(week.start.getTime() / HOUR_MS) * HOUR_MS), to: new Date(Math.floor(week.end.getTime() / HOUR_MS) * HOUR_MS) };
}
