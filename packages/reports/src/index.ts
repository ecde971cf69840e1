// Weekly email reports: the analyzer's weekly report rendered with React Email, sent by SMTP or
// written to the outbox, on a schedule that sends each subscriber each week's report once.
export { composeWeeklyReport, type ComposeDeps } from './compose-weekly-report.ts';
export {
  formatChange,
  formatChangeVsLastWeek,
  formatCount,
  formatMoney,
  formatMonthly,
  formatMonthlyRange,
  formatPoints,
  formatSavingEffect,
  formatShare,
  formatSpend,
  formatWeek,
  queryTypeLabel,
  ruleInEffectLine,
} from './format-report.ts';
export { loadAdviceInputs, loadOrganizationCatalog, loadPriceOverrides } from './load-advice-inputs.ts';
export { renderInvitationEmail, type InvitationEmailInput } from './invitation-email.tsx';
export { repriceStoredCalls, type RepriceScope, type RepriceSummary } from './reprice-stored-calls.ts';
export { loadReportRowSets, loadReportRows, type LoadReportOptions, type ReportDimension, type ReportRange } from './load-report-rows.ts';
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
