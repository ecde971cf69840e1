import { z } from 'zod';
import { ZTimeRange } from '@/lib/time-range';
import { projectProcedure, router } from '@/trpc/init';
import { getFindings } from './get-findings';

export const savingsRouter = router({
  /** Overpaying and underbidding findings, ranked by money, with their evidence. */
  findings: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange }))
    .query(({ ctx, input }) => getFindings(ctx.db, ctx.project, input.range)),
});
