import { z } from 'zod';
import type { Db } from '@tierlens/db';

export const ZSpendSummaryInput = z.object({
  from: z.coerce.date(),
  to: z.coerce.date(),
});

export const ZSpendSummary = z.object({
  /** Exact decimal string in USD. */
  totalCostUsd: z.string(),
  calls: z.number().int(),
  unpricedCalls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
});
export type SpendSummary = z.infer<typeof ZSpendSummary>;

/** Total spend and calls of a project over [from, to), read from the hourly rollups. */
export async function getSpendSummary(db: Db, projectId: string, range: z.infer<typeof ZSpendSummaryInput>): Promise<SpendSummary> {
  const agg = await db.callRollupHourly.aggregate({
    where: { projectId, hour: { gte: floorHour(range.from), lt: range.to } },
    _sum: { costUsd: true, calls: true, unpricedCalls: true, inputTokens: true, outputTokens: true },
  });
  return {
    totalCostUsd: (agg._sum.costUsd ?? 0).toString(),
    calls: Number(agg._sum.calls ?? 0n),
    unpricedCalls: Number(agg._sum.unpricedCalls ?? 0n),
    inputTokens: Number(agg._sum.inputTokens ?? 0n),
    outputTokens: Number(agg._sum.outputTokens ?? 0n),
  };
}

function floorHour(d: Date): Date {
  const h = new Date(d);
  h.setUTCMinutes(0, 0, 0);
  return h;
}
