import { z } from 'zod';

/** A budget threshold reached in a period, on actual or on forecast spend. */
export const ZBudgetThresholdEvent = z.object({
  type: z.literal('budget.threshold'),
  budget: z.object({
    id: z.string(),
    name: z.string(),
    scope: z.string(),
    scopeValue: z.string(),
    projectId: z.string().nullable(),
    period: z.enum(['month', 'week']),
    timeZone: z.string(),
    limitUsd: z.number(),
  }),
  periodFirstDay: z.string(),
  periodEndDay: z.string(),
  threshold: z.number(),
  basis: z.enum(['actual', 'forecast']),
  actualUsd: z.number(),
  forecastUsd: z.number().nullable(),
  forecastLowUsd: z.number().nullable(),
  forecastHighUsd: z.number().nullable(),
  /** The dashboard page to open. */
  url: z.string(),
});
export type BudgetThresholdEvent = z.infer<typeof ZBudgetThresholdEvent>;

/** An hour (or run of hours) whose spend jumped above the same hours of the previous weeks. */
export const ZSpendAnomalyEvent = z.object({
  type: z.literal('spend.anomaly'),
  anomaly: z.object({
    id: z.string(),
    projectId: z.string(),
    queryType: z.string(),
    model: z.string(),
    from: z.string(),
    to: z.string(),
    spendUsd: z.number(),
    expectedUsd: z.number(),
  }),
  driver: z.object({ dimension: z.string(), value: z.string(), beforeUsd: z.number(), afterUsd: z.number() }).nullable(),
  url: z.string(),
});
export type SpendAnomalyEvent = z.infer<typeof ZSpendAnomalyEvent>;

/** What every channel receives; webhooks get it as their JSON body. */
export const ZAlertEvent = z.discriminatedUnion('type', [ZBudgetThresholdEvent, ZSpendAnomalyEvent]);
export type AlertEvent = z.infer<typeof ZAlertEvent>;
