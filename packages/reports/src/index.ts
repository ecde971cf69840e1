// Weekly email reports: the analyzer's weekly report rendered with React Email, sent by SMTP or
// written to the outbox, on a schedule that sends each subscriber each week's report once.
// Numbers become text in @tierlens/format, shared with the dashboard; rollups, overrides and
// report deliveries are read and written through the data layer (@tierlens/db).
export { composeWeeklyReport, type ComposeDeps } from './compose-weekly-report.ts';
export { queryTypeLabel } from '@tierlens/analyzer/query-type-label';
export { ruleInEffectLine } from './rule-in-effect-line.ts';
export { renderInvitationEmail, type InvitationEmailInput } from './invitation-email.tsx';
export { loadWeeklyReport, type LoadWeeklyReportInput } from './load-weekly-report.ts';
export { listDueReports, type DueReport } from './list-due-reports.ts';
export { createMailer, readMailerConfig, type Mailer, type MailerConfig, type OutgoingEmail, type SentEmail } from './mailer.ts';
export { deliveryOutboxName, listOutbox, onDemandOutboxName, readOutboxEmail, type OutboxEntry } from './outbox.ts';
export { decodeWords, readEml, type EmlSummary } from './read-eml.ts';
export { renderWeeklyReport, weeklyReportSubject, type RenderedWeeklyReport } from './render-weekly-report.ts';
export { createReportScheduler, type ReportScheduler, type ReportSchedulerOptions, type TickResult } from './report-scheduler.ts';
export { addDays, hourAligned, lastCompleteWeek, latestScheduledReport, localParts, reportWeek, zonedTime, type ReportSchedule, type ScheduledReport } from './report-week.ts';
export { sendWeeklyReport, type SendWeeklyReportInput, type SendWeeklyReportResult } from './send-weekly-report.ts';
export { readReportSecret, signUnsubscribe, unsubscribeUrl, verifyUnsubscribe, verifyUnsubscribeLink, type UnsubscribeTarget } from './unsubscribe-link.ts';
export { previewText, WeeklyReportEmail, type WeeklyReportEmailProps } from './weekly-report-email.tsx';
export { weeklyReportText } from './weekly-report-text.ts';
export { loadRuleOutcomes, type RuleOutcomeRow } from './load-rule-outcomes.ts';
export { checkRuleSafety, createRuleSafetyMonitor, SAFETY_WINDOW_MS, type CheckRuleSafetyDeps, type PausedRule } from './check-rule-safety.ts';
