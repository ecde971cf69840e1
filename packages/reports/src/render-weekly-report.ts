import type { WeeklyReport } from '@tierlens/analyzer';
import { render } from '@react-email/render';
import { createElement } from 'react';
import { formatChange, formatUsd, formatWeek } from '@tierlens/format';
import { WeeklyReportEmail } from './weekly-report-email.tsx';
import { weeklyReportText } from './weekly-report-text.ts';

/** The weekly report as an email: subject, HTML and plain-text parts, and its headers. */
export interface RenderedWeeklyReport {
  subject: string;
  html: string;
  text: string;
  /** `List-Unsubscribe` (the signed link) and `List-Unsubscribe-Post` for one-click unsubscribe (RFC 8058). */
  headers: Record<string, string>;
}

/** Renders a report for one reader, whose signed unsubscribe link goes in the footer and the headers. */
export async function renderWeeklyReport(report: WeeklyReport, options: { unsubscribeUrl: string }): Promise<RenderedWeeklyReport> {
  const html = await render(createElement(WeeklyReportEmail, { report, unsubscribeUrl: options.unsubscribeUrl }));
  return {
    subject: weeklyReportSubject(report),
    html,
    text: weeklyReportText(report, options.unsubscribeUrl),
    headers: {
      'List-Unsubscribe': `<${options.unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  };
}

/** "Checkout: $1,234.56 spent (+12.5%) · Nov 16 – 22, 2026". */
export function weeklyReportSubject(report: WeeklyReport): string {
  const change = report.spend.costChange === null ? '' : ` (${formatChange(report.spend.costChange)})`;
  return `${report.project.name}: ${formatUsd(report.spend.current.costUsd)} spent${change} · ${formatWeek(report.week)}`;
}
