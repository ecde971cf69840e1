import { projectProcedure, router } from '@/trpc/init';
import { getSpendSummary, ZSpendSummary, ZSpendSummaryInput } from './get-spend-summary';

export const overviewRouter = router({
  spendSummary: projectProcedure('viewer')
    .input(ZSpendSummaryInput)
    .output(ZSpendSummary)
    .query(({ ctx, input }) => getSpendSummary(ctx.db, ctx.project.id, input)),
});
