import { enqueueNotification, loadBudgetDailySpend, type Db } from '@tierlens/db';
import type { BudgetThresholdEvent } from './alert-event.ts';
import { budgetPeriod, evaluateBudget, forecastPeriodSpend, type BudgetPeriod, type BudgetStatus, type PeriodForecast } from '@tierlens/analyzer';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** A budget as stored, with its limit as a number. */
export interface BudgetRecord {
  id: string;
  organizationId: string;
  projectId: string | null;
  scope: 'organization' | 'project' | 'feature' | 'query_type' | 'model';
  scopeValue: string;
  name: string;
  period: 'month' | 'week';
  timeZone: string;
  limitUsd: number;
  thresholds: number[];
}

/** Where a budget stands now: its period, spend, forecast and the thresholds reached. */
export interface BudgetView {
  budget: BudgetRecord;
  period: BudgetPeriod;
  forecast: PeriodForecast;
  status: BudgetStatus;
}

/**
 * Evaluates budgets at `now`: each one's spend in its current period (its owner's calendar),
 * the period's forecast, and the thresholds reached. With `notify`, every threshold reached is
 * queued once per budget × period × threshold × basis for the organization's channels (the
 * queue's unique key makes that hold across processes). Budgets are informational only.
 */
export async function evaluateBudgets(
  db: Db,
  input: { now: Date; budgets: readonly BudgetRecord[]; notify?: { publicUrl: string } },
): Promise<BudgetView[]> {
  const views: BudgetView[] = [];
  for (const budget of input.budgets) {
    const period = budgetPeriod(input.now, budget.period, budget.timeZone);
    const historyFrom = new Date(Math.floor(Math.min(period.start.getTime(), input.now.getTime() - 57 * DAY_MS) / HOUR_MS) * HOUR_MS);
    const daily = await loadBudgetDailySpend(db, budget, { from: historyFrom, to: input.now }, budget.timeZone);
    const forecast = forecastPeriodSpend(daily, { periodStart: period.firstDay, periodEnd: period.endDay, today: period.today, todayElapsed: period.todayElapsed });
    const status = evaluateBudget({ limitUsd: budget.limitUsd, thresholds: budget.thresholds, actualUsd: forecast.actualUsd, forecastUsd: forecast.forecastUsd });
    views.push({ budget, period, forecast, status });
    if (!input.notify) continue;
    for (const crossing of status.crossings) {
      const event: BudgetThresholdEvent = {
        type: 'budget.threshold',
        budget: { id: budget.id, name: budget.name, scope: budget.scope, scopeValue: budget.scopeValue, projectId: budget.projectId, period: budget.period, timeZone: budget.timeZone, limitUsd: budget.limitUsd },
        periodFirstDay: period.firstDay,
        periodEndDay: period.endDay,
        threshold: crossing.threshold,
        basis: crossing.basis,
        actualUsd: round(forecast.actualUsd),
        forecastUsd: round(forecast.forecastUsd),
        forecastLowUsd: round(forecast.lowUsd),
        forecastHighUsd: round(forecast.highUsd),
        url: `${input.notify.publicUrl.replace(/\/$/, '')}/${budget.projectId ? `projects/${budget.projectId}` : ''}`,
      };
      await enqueueNotification(db, {
        organizationId: budget.organizationId,
        kind: 'budget',
        eventKey: `budget:${budget.id}:${period.firstDay}:${crossing.threshold}:${crossing.basis}`,
        event,
      });
    }
  }
  return views;
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;
