import { budgetPeriod, forecastPeriodSpend } from '@tierlens/analyzer';
import { evaluateBudgets, listBudgets } from '@tierlens/alerts';
import { loadBudgetDailySpend, type Db } from '@tierlens/db';

const DAY_MS = 86_400_000;

/** What the Overview shows about where spend is heading: budgets, the month's forecast, recent anomalies. */
export interface SpendWatch {
  budgets: Array<{
    id: string;
    name: string;
    scope: string;
    scopeValue: string;
    period: 'month' | 'week';
    timeZone: string;
    limitUsd: number;
    thresholds: number[];
    firstDay: string;
    endDay: string;
    actualUsd: number;
    forecastUsd: number;
    forecastLowUsd: number;
    forecastHighUsd: number;
    actualPercent: number;
    forecastPercent: number | null;
    reached: Array<{ threshold: number; basis: 'actual' | 'forecast' }>;
  }>;
  forecast: { firstDay: string; endDay: string; actualUsd: number; forecastUsd: number; lowUsd: number; highUsd: number; method: string; historyDays: number };
  anomalies: Array<{ id: string; queryType: string; model: string; from: Date; to: Date; spendUsd: number; expectedUsd: number; drivers: Array<{ dimension: string; value: string; beforeUsd: number; afterUsd: number }> }>;
}

/**
 * The project's budgets (its own and its organization's) with spend and forecast, the project's
 * month-end forecast (UTC calendar, as the dashboard's ranges), and its anomalies of the last
 * seven days. Reads the rollups only.
 */
export async function getSpendWatch(db: Db, project: { id: string; organizationId: string }, now: Date): Promise<SpendWatch> {
  const budgets = await evaluateBudgets(db, { now, budgets: await listBudgets(db, { organizationId: project.organizationId, projectId: project.id }) });
  const month = budgetPeriod(now, 'month', 'UTC');
  const daily = await loadBudgetDailySpend(
    db,
    { organizationId: project.organizationId, projectId: project.id, scope: 'project', scopeValue: '' },
    { from: new Date(Math.min(month.start.getTime(), now.getTime() - 57 * DAY_MS)), to: now },
    'UTC',
  );
  const f = forecastPeriodSpend(daily, { periodStart: month.firstDay, periodEnd: month.endDay, today: month.today, todayElapsed: month.todayElapsed });
  const anomalies = await db.spendAnomaly.findMany({
    where: { projectId: project.id, fromHour: { gte: new Date(now.getTime() - 7 * DAY_MS) } },
    orderBy: { fromHour: 'desc' },
    take: 10,
    select: { id: true, queryType: true, model: true, fromHour: true, toHour: true, spendUsd: true, expectedUsd: true, drivers: true },
  });
  return {
    budgets: budgets.map((v) => ({
      id: v.budget.id,
      name: v.budget.name,
      scope: v.budget.scope,
      scopeValue: v.budget.scopeValue,
      period: v.budget.period,
      timeZone: v.budget.timeZone,
      limitUsd: v.budget.limitUsd,
      thresholds: v.budget.thresholds,
      firstDay: v.period.firstDay,
      endDay: v.period.endDay,
      actualUsd: v.forecast.actualUsd,
      forecastUsd: v.forecast.forecastUsd,
      forecastLowUsd: v.forecast.lowUsd,
      forecastHighUsd: v.forecast.highUsd,
      actualPercent: v.status.actualPercent,
      forecastPercent: v.status.forecastPercent,
      reached: [...v.status.crossings],
    })),
    forecast: { firstDay: month.firstDay, endDay: month.endDay, actualUsd: f.actualUsd, forecastUsd: f.forecastUsd, lowUsd: f.lowUsd, highUsd: f.highUsd, method: f.method, historyDays: f.historyDays },
    anomalies: anomalies.map((a) => ({
      id: a.id,
      queryType: a.queryType,
      model: a.model,
      from: a.fromHour,
      to: a.toHour,
      spendUsd: Number(a.spendUsd),
      expectedUsd: Number(a.expectedUsd),
      drivers: a.drivers as SpendWatch['anomalies'][number]['drivers'],
    })),
  };
}
