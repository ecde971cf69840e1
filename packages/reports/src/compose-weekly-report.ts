import type { ReportWeek, WeeklyReport } from '@tierlens/analyzer';
import type { Db } from '@tierlens/db';
import { loadWeeklyReport } from './load-weekly-report.ts';
import { renderWeeklyReport, type RenderedWeeklyReport } from './render-weekly-report.ts';
import { unsubscribeUrl } from './unsubscribe-link.ts';

/** What composing a report needs: the database, the unsubscribe signing key and the dashboard's URL. */
export interface ComposeDeps {
  db: Db;
  secret: string;
  dashboardUrl: string;
}

/** One reader's weekly report of one project: the data and the rendered email, with their own unsubscribe link. */
export async function composeWeeklyReport(
  deps: ComposeDeps,
  input: { userId: string; projectId: string; week: ReportWeek },
): Promise<{ report: WeeklyReport; email: RenderedWeeklyReport }> {
  const report = await loadWeeklyReport(deps.db, { projectId: input.projectId, week: input.week, dashboardUrl: deps.dashboardUrl });
  const email = await renderWeeklyReport(report, {
    unsubscribeUrl: unsubscribeUrl(deps.dashboardUrl, deps.secret, { userId: input.userId, projectId: input.projectId }),
  });
  return { report, email };
}
