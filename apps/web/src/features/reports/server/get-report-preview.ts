import type { Db } from '@tierlens/db';
import { formatWeek } from '@tierlens/format';
import { composeWeeklyReport } from '@tierlens/reports';
import { reportWeekFor } from './report-week-for';
import type { ReportsRuntime } from './reports-runtime';

/** The email the user would get for the week of their latest scheduled report, rendered for the preview page. */
export async function getReportPreview(db: Db, runtime: ReportsRuntime, input: { userId: string; projectId: string; now: Date }) {
  const { week } = await reportWeekFor(db, input);
  const { email } = await composeWeeklyReport({ db, secret: runtime.secret, dashboardUrl: runtime.dashboardUrl }, { userId: input.userId, projectId: input.projectId, week });
  return {
    subject: email.subject,
    html: email.html,
    text: email.text,
    week: { firstDay: week.firstDay, lastDay: week.lastDay, timeZone: week.timeZone, label: formatWeek(week) },
    transport: runtime.mailer.transport,
  };
}
