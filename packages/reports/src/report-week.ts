import { addDays, localParts, zonedTime, type ReportWeek } from '@tierlens/analyzer';

export { addDays, localParts, zonedTime };

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

const HOUR_MS = 3_600_000;

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
