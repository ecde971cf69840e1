import { z } from 'zod';
import { ZTimeRange } from '@/lib/time-range';
import { projectProcedure, router } from '@/trpc/init';
import { getOverview, getSpendTotals } from './get-overview';

export const ZSpendSummary = z.object({
  totalCostUsd: z.string(),
  calls: z.number().int(),
  unpricedCalls: z.number().int(),
  inputTokens: z.number().int(),
  outputTokens: z.number().int(),
});

export const overviewRouter = router({
  get: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange }))
    .query(({ ctx, input }) => getOverview(ctx.db, ctx.project, input.range)),
  spendSummary: projectProcedure('viewer')
    .input(ZTimeRange)
    .output(ZSpendSummary)
    .query(({ ctx, input }) => getSpendTotals(ctx.db, ctx.project.id, input)),
});
