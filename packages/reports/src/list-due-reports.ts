import { Prisma, type Db } from '@tierlens/db';
import { latestScheduledReport } from './report-week.ts';

/** A subscription whose latest scheduled report is due at `now`. */
export interface DueReport {
  subscriptionId: string;
  /** The report week's first day, `YYYY-MM-DD` in the subscriber's time zone. */
  weekStart: string;
  sendAt: Date;
}

/**
 * The enabled subscriptions of current members whose latest scheduled moment (their day and
 * hour in their time zone) has passed, at most `catchUpMs` ago (a process that was down on
 * Monday morning sends on restart; a report older than that is left out) and not before the
 * subscription existed. Whether the week was already claimed is left to the claim.
 */
export async function listDueReports(
  db: Db,
  now: Date,
  opts: { catchUpMs: number; projectIds?: readonly string[] | null; log?: (line: string) => void },
): Promise<DueReport[]> {
  const scope = opts.projectIds ? Prisma.sql`AND s.project_id::text = ANY(${[...opts.projectIds]})` : Prisma.empty;
  const rows = await db.$queryRaw<Array<{ id: string; day_of_week: number; hour: number; time_zone: string; created_at: Date }>>`
    SELECT s.id::text, s.day_of_week, s.hour, s.time_zone, s.created_at
    FROM report_subscriptions s
    JOIN projects p ON p.id = s.project_id
    WHERE s.enabled AND EXISTS (SELECT 1 FROM members m WHERE m.organization_id = p.organization_id AND m.user_id = s.user_id) ${scope}`;
  const due: DueReport[] = [];
  for (const r of rows) {
    let scheduled;
    try {
      scheduled = latestScheduledReport(now, { dayOfWeek: r.day_of_week, hour: r.hour, timeZone: r.time_zone });
    } catch (err) {
      opts.log?.(`report subscription ${r.id}: ${(err as Error).message}; skipped`);
      continue;
    }
    const age = now.getTime() - scheduled.sendAt.getTime();
    if (age <= opts.catchUpMs && scheduled.sendAt.getTime() >= r.created_at.getTime()) {
      due.push({ subscriptionId: r.id, weekStart: scheduled.week.firstDay, sendAt: scheduled.sendAt });
    }
  }
  return due;
}
