import type { Db } from '@tierlens/db';
import { latestScheduledReport, type ScheduledReport } from '@tierlens/reports';

/**
 * The week of the user's latest scheduled report of a project at `now` (their subscription's
 * day, hour and time zone; without one, Monday 09:00 in the user's time zone).
 */
export async function reportWeekFor(db: Db, input: { userId: string; projectId: string; now: Date }): Promise<ScheduledReport> {
  const [subscription, user] = await Promise.all([
    db.reportSubscription.findUnique({ where: { userId_projectId: { userId: input.userId, projectId: input.projectId } }, select: { dayOfWeek: true, hour: true, timeZone: true } }),
    db.user.findUnique({ where: { id: input.userId }, select: { timeZone: true } }),
  ]);
  const schedule = subscription ?? { dayOfWeek: 1, hour: 9, timeZone: user?.timeZone ?? 'UTC' };
  try {
    return latestScheduledReport(input.now, schedule);
  } catch {
    // A time zone this runtime does not know: fall back to UTC rather than failing the page.
    return latestScheduledReport(input.now, { ...schedule, timeZone: 'UTC' });
  }
}
