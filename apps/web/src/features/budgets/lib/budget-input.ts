import { z } from 'zod';

const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** A new budget as the form sends it; `scopeValue` names the feature, query type or model for those scopes. */
export const ZBudgetInput = z
  .object({
    name: z.string().trim().min(1, 'Give the budget a name').max(100),
    scope: z.enum(['organization', 'project', 'feature', 'query_type', 'model']),
    scopeValue: z.string().trim().max(256).default(''),
    period: z.enum(['month', 'week']),
    timeZone: z.string().trim().min(1).max(64).refine(validTimeZone, 'Not a time zone this server knows, e.g. Europe/Berlin'),
    limitUsd: z
      .string()
      .trim()
      .regex(/^\d{1,10}(\.\d{1,2})?$/, 'An amount in USD such as 500 or 1250.50')
      .refine((v) => Number(v) > 0, 'The limit must be more than $0'),
    thresholds: z.array(z.number().int().min(1).max(1000)).min(1).max(10).default([50, 80, 100]),
  })
  .refine((b) => ['organization', 'project'].includes(b.scope) || b.scopeValue !== '', { message: 'Name the feature, query type or model', path: ['scopeValue'] });
export type BudgetInput = z.input<typeof ZBudgetInput>;
