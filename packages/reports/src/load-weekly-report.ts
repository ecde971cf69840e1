import { buildWeeklyReport, computeFindings, queryTypeLabel, type ReportWeek, type WeeklyReport, type WeeklyRuleLine } from '@tierlens/analyzer';
import { loadRollupRows, type Db } from '@tierlens/db';
import { loadAdviceInputs } from '@tierlens/db/advice';
import { loadRuleOutcomes } from './load-rule-outcomes.ts';
import { addDays, hourAligned, reportWeek } from './report-week.ts';

export interface LoadWeeklyReportInput {
  projectId: string;
  week: ReportWeek;
  /** The dashboard's public URL, for the report's links. */
  dashboardUrl: string;
}

/**
 * A project's weekly report: its rollups for the week and the week before, read the way the
 * dashboard reads them (`loadRollupRows`), with the analyzer's findings for the week (the
 * organization's catalog and price overrides applied), shaped by `buildWeeklyReport`. The
 * week's rows come per hour and per every dimension, as the findings need them; last week's
 * are summed per provider, model and query type. Week edges are whole hours (the rollups'
 * resolution).
 */
export async function loadWeeklyReport(db: Db, input: LoadWeeklyReportInput): Promise<WeeklyReport> {
  const project = await db.project.findUniqueOrThrow({ where: { id: input.projectId }, select: { id: true, name: true, organizationId: true } });
  const previousWeek = reportWeek(addDays(input.week.firstDay, -7), input.week.timeZone);
  const range = hourAligned(input.week);
  const [current, previous, advice, rulesInEffect] = await Promise.all([
    loadRollupRows(db, project.id, range, { bucket: 'hour', groupBy: ['provider', 'model', 'queryType', 'feature', 'environment'] }),
    loadRollupRows(db, project.id, hourAligned(previousWeek), { bucket: 'range', groupBy: ['provider', 'model', 'queryType'] }),
    loadAdviceInputs(db, project),
    loadRulesInEffect(db, project.id, range),
  ]);
  const report = buildWeeklyReport({
    project: { id: project.id, name: project.name },
    week: input.week,
    current,
    previous,
    findings: computeFindings({
      rows: current,
      period: { start: range.from, end: range.to },
      catalog: advice.catalog,
      priceOverrides: advice.priceOverrides,
    }),
    dashboardUrl: input.dashboardUrl,
    catalog: advice.catalog,
    priceOverrides: advice.priceOverrides,
  });
  return rulesInEffect.length > 0 ? { ...report, rulesInEffect } : report;
}

/**
 * "Rules in effect: predicted vs realized": the rules the SDK applied in the week (any tagged
 * call, or a mode other than off), with the week's routed calls, realized and predicted saving.
 */
async function loadRulesInEffect(db: Db, projectId: string, range: { from: Date; to: Date }): Promise<WeeklyRuleLine[]> {
  const [outcomes, rules] = await Promise.all([
    loadRuleOutcomes(db, projectId, range),
    db.routingRule.findMany({ where: { projectId }, select: { id: true, queryType: true, feature: true, fromModel: true, toModel: true } }),
  ]);
  const byId = new Map(rules.map((r) => [r.id, r]));
  return outcomes
    .filter((o) => o.mode !== 'off' || o.outcome.calls.seen > 0)
    .map((o) => {
      const r = byId.get(o.ruleId)!;
      return {
        ruleId: o.ruleId,
        label: `${queryTypeLabel(r.queryType)}${r.feature ? ` · ${r.feature}` : ''}: ${r.fromModel} → ${r.toModel}`,
        mode: o.mode === 'canary' ? `canary ${Math.round((o.canaryShare ?? 0) * 100)} %` : o.mode === 'enforce' ? 'enforced' : o.mode,
        routedCalls: o.outcome.calls.routed,
        controlCalls: o.outcome.calls.control,
        realizedSavingUsd: o.outcome.realizedSavingUsd,
        predictedSavingUsd: o.outcome.predictedSavingUsd,
        pauseReason: o.pauseReason,
      };
    });
}
