import type { Db } from '@tierlens/db';
import { onDemandOutboxName, sendWeeklyReport } from '@tierlens/reports';
import { basename } from 'node:path';
import { reportWeekFor } from './report-week-for';
import type { ReportsRuntime } from './reports-runtime';

/**
 * Sends the preview's report to the signed-in user's own address now, through the same
 * mailer as the scheduler (SMTP, or a `.eml` file in the outbox). Not a scheduled delivery:
 * nothing is recorded in report_deliveries.
 */
export async function sendReportNow(db: Db, runtime: ReportsRuntime, input: { userId: string; email: string; projectId: string; now: Date }) {
  const { week } = await reportWeekFor(db, input);
  const result = await sendWeeklyReport(
    { db, mailer: runtime.mailer, secret: runtime.secret, dashboardUrl: runtime.dashboardUrl },
    { userId: input.userId, to: input.email, projectId: input.projectId, week, outboxName: onDemandOutboxName(input.projectId, input.now) },
  );
  if (result.status !== 'sent') throw new Error('unreachable: an on-demand report is never skipped');
  return { to: input.email, transport: result.sent.transport, file: result.sent.file ? basename(result.sent.file) : null };
}
