import type { WeeklyFinding, WeeklyReport, WeeklyRest } from '@tierlens/analyzer';
import { formatChangeVsLastWeek, formatCount, formatUsd, formatMonthly, formatPoints, formatSavingEffect, formatShare, formatSpend, formatWeek } from '@tierlens/format';
import { queryTypeLabel } from '@tierlens/analyzer/query-type-label';
import { ruleInEffectLine } from './rule-in-effect-line.ts';

/** The weekly report as the email's plain-text part: the same figures as the HTML, as lines. */
export function weeklyReportText(report: WeeklyReport, unsubscribeUrl: string): string {
  const { spend, savings, risks } = report;
  const lines: string[] = [
    `TIERLENS WEEKLY REPORT: ${report.project.name}`,
    `${formatWeek(report.week)} (${report.week.timeZone})`,
    '',
    `Spend: ${formatUsd(spend.current.costUsd)} (${formatChangeVsLastWeek(spend.costChange)}; last week ${formatUsd(spend.previous.costUsd)})`,
    `Calls: ${formatCount(spend.current.calls)} (${formatChangeVsLastWeek(spend.callsChange)}; last week ${formatCount(spend.previous.calls)})`,
  ];
  if (savings) {
    lines.push(`Potential savings: ${formatMonthly(savings.totalMonthlySavingUsd.point)}`, '', 'TOP SAVINGS');
    if (savings.items.length === 0) lines.push('No savings this week: every query type runs on a model that fits it, on the evidence.');
    savings.items.forEach((a, i) => lines.push(...adviceLines(a, i)));
    if (savings.more > 0) lines.push(`and ${savings.more} more on the Savings page.`);
    lines.push(`Review savings: ${report.links.savings}`);
  }
  if (risks && risks.items.length > 0) {
    lines.push('', 'UNDERBIDDING RISKS');
    risks.items.forEach((a, i) => lines.push(...adviceLines(a, i)));
    if (risks.more > 0) lines.push(`and ${risks.more} more on the Savings page.`);
  }
  if (report.rulesInEffect && report.rulesInEffect.length > 0) {
    lines.push('', 'RULES IN EFFECT: PREDICTED VS REALIZED');
    for (const r of report.rulesInEffect) lines.push(`- ${ruleInEffectLine(r)}`);
  }
  lines.push('', 'SPEND BY QUERY TYPE');
  if (report.byQueryType.length === 0) lines.push('No calls this week.');
  for (const q of report.byQueryType) {
    lines.push(`- ${queryTypeLabel(q.queryType)}: ${formatSpend(q)} (${formatShare(q.share)}), ${formatCount(q.calls)} calls, ${formatChangeVsLastWeek(q.costChange)}`);
  }
  if (report.byQueryTypeRest) lines.push(`- ${restLine(report.byQueryTypeRest, 'query type')}`);
  if (report.byModel.length > 0) {
    lines.push('', 'SPEND BY MODEL');
    for (const m of report.byModel) {
      lines.push(`- ${m.model} (${m.provider || 'unknown provider'}, ${m.tier ?? 'unknown tier'}): ${formatSpend(m)} (${formatShare(m.share)}), ${formatCount(m.calls)} calls, ${formatChangeVsLastWeek(m.costChange)}`);
    }
    if (report.byModelRest) lines.push(`- ${restLine(report.byModelRest, 'model')}`);
  }
  if (report.unpricedModels.length > 0) {
    lines.push('', 'CALLS WITHOUT A PRICE (not counted in spend)');
    for (const m of report.unpricedModels) lines.push(`- ${m.model}${m.provider ? ` (${m.provider})` : ''}: ${formatCount(m.calls)} calls`);
    lines.push('Add a price in Settings to count them.');
  }
  if (report.noUsageModels.length > 0) {
    lines.push('', 'CALLS WITHOUT REPORTED USAGE (no token counts, not counted in spend)');
    for (const m of report.noUsageModels) lines.push(`- ${m.model}${m.provider ? ` (${m.provider})` : ''}: ${formatCount(m.calls)} calls`);
    lines.push('These models have a price, but the calls arrived without token counts (often a stream read without its usage). Have the instrumentation report usage; a price override would not change them.');
  }
  if (report.retiringModels.length > 0) {
    lines.push('', 'MODELS THEIR MAKER IS RETIRING');
    for (const m of report.retiringModels) {
      lines.push(`- ${m.model}: ${formatCount(m.calls)} calls this week; ${m.status === 'retired' ? 'retired on' : 'requests fail from'} ${m.retires}${m.replacement ? `, replacement ${m.replacement}` : ''} (${m.sourceUrl})`);
    }
  }
  lines.push(
    '',
    `Dashboard: ${report.links.overview}`,
    '',
    `You get this email because you subscribed to the weekly report for ${report.project.name}.`,
    `Change day and time: ${report.links.settings}`,
    `Unsubscribe: ${unsubscribeUrl}`,
  );
  return `${lines.join('\n')}\n`;
}

function restLine(rest: WeeklyRest, noun: string): string {
  return `${rest.count} more ${noun}${rest.count === 1 ? '' : 's'}: ${formatSpend(rest)}, ${formatCount(rest.calls)} calls`;
}

function adviceLines(a: WeeklyFinding, i: number): string[] {
  return [
    `${i + 1}. ${queryTypeLabel(a.queryType)}${a.feature ? ` (${a.feature})` : ''}: ${a.currentModel} -> ${a.recommendedModel}`,
    `   ${formatSavingEffect(a.monthlySavingUsd)}; quality ${formatPoints(a.qualityDeltaPoints)} on ${a.benchmark}; ${formatCount(a.calls)} calls this week; ${a.confidence} confidence`,
    `   Rule: ${a.rule.text}`,
  ];
}
