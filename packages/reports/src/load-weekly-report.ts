import { buildWeeklyReport, computeFindings, type ReportWeek, type WeeklyReport } from '@tierlens/analyzer';
import { loadRollupRows, type Db } from '@tierlens/db';
import { loadAdviceInputs } from '@tierlens/db/advice';
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
  const [current, previous, advice] = await Promise.all([
    loadRollupRows(db, project.id, range, { bucket: 'hour', groupBy: ['provider', 'model', 'queryType', 'feature', 'environment'] }),
    loadRollupRows(db, project.id, hourAligned(previousWeek), { bucket: 'range', groupBy: ['provider', 'model', 'queryType'] }),
    loadAdviceInputs(db, project),
  ]);
  return buildWeeklyReport({
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
  });
}
