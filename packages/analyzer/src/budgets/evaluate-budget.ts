import { z } from 'zod';

/** Percentages of a budget that notify when reached, unless the budget sets its own. */
export const DEFAULT_BUDGET_THRESHOLDS = [50, 80, 100] as const;

export const ZBudgetThresholds = z
  .array(z.number().int().min(1).max(1000))
  .min(1)
  .max(10)
  .transform((values) => [...new Set(values)].sort((a, b) => a - b));

/** What a threshold was reached on: spend so far, or the period's forecast total. */
export type BudgetBasis = 'actual' | 'forecast';

/** A threshold a budget has reached in its current period. */
export interface BudgetCrossing {
  readonly threshold: number;
  readonly basis: BudgetBasis;
}

/** Where a budget stands in its current period. */
export interface BudgetStatus {
  readonly limitUsd: number;
  readonly actualUsd: number;
  readonly forecastUsd: number | null;
  /** Spend so far as a percentage of the limit. */
  readonly actualPercent: number;
  readonly forecastPercent: number | null;
  /**
   * Thresholds reached, each once: on actual spend when spend has reached it, otherwise on the
   * forecast when the forecast has. A later notification on `actual` follows one on `forecast`.
   */
  readonly crossings: readonly BudgetCrossing[];
}

/**
 * Compares a period's spend and its forecast with a budget's limit and thresholds. Budgets are
 * informational: nothing here stops a call.
 */
export function evaluateBudget(input: {
  readonly limitUsd: number;
  readonly thresholds?: readonly number[];
  readonly actualUsd: number;
  readonly forecastUsd?: number | null;
}): BudgetStatus {
  if (!(input.limitUsd > 0)) throw new RangeError('A budget limit must be a positive amount');
  const thresholds = ZBudgetThresholds.parse(input.thresholds ?? [...DEFAULT_BUDGET_THRESHOLDS]);
  const actualPercent = (input.actualUsd / input.limitUsd) * 100;
  const forecastPercent = input.forecastUsd == null ? null : (input.forecastUsd / input.limitUsd) * 100;
  const crossings: BudgetCrossing[] = [];
  for (const threshold of thresholds) {
    if (actualPercent >= threshold) crossings.push({ threshold, basis: 'actual' });
    else if (forecastPercent != null && forecastPercent >= threshold) crossings.push({ threshold, basis: 'forecast' });
  }
  return { limitUsd: input.limitUsd, actualUsd: input.actualUsd, forecastUsd: input.forecastUsd ?? null, actualPercent, forecastPercent, crossings };
}
