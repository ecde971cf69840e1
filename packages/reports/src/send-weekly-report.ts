import type { ReportWeek, WeeklyReport } from '@tierlens/analyzer';
import { composeWeeklyReport, type ComposeDeps } from './compose-weekly-report.ts';
import type { Mailer, SentEmail } from './mailer.ts';

export interface SendWeeklyReportInput {
  userId: string;
  to: string;
  projectId: string;
  week: ReportWeek;
  /** The same on every attempt of one delivery. */
  messageId?: string;
  outboxName: string;
  /** Send nothing when neither week had a call. */
  skipEmpty?: boolean;
}

export type SendWeeklyReportResult = { status: 'sent'; sent: SentEmail; report: WeeklyReport } | { status: 'empty' };

/** Composes one reader's weekly report and sends it through the mailer. */
export async function sendWeeklyReport(deps: ComposeDeps & { mailer: Mailer }, input: SendWeeklyReportInput): Promise<SendWeeklyReportResult> {
  const { report, email } = await composeWeeklyReport(deps, input);
  if (input.skipEmpty && report.spend.current.calls === 0 && report.spend.previous.calls === 0) return { status: 'empty' };
  const sent = await deps.mailer.send({ to: input.to, ...email, messageId: input.messageId, outboxName: input.outboxName });
  return { status: 'sent', sent, report };
}
