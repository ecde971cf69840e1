import { buildQueryTypeMatrix } from '@tierlens/analyzer';
import { z } from 'zod';
import { loadReportRows } from '@tierlens/reports/load-report-rows';
import { ZTimeRange } from '@/features/analytics/lib/time-range';
import { projectProcedure, router } from '@/trpc/init';

export const queryTypesRouter = router({
  /** Spend and calls per query type with the models used for each, and each model's tier. */
  matrix: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange }))
    .query(async ({ ctx, input }) => buildQueryTypeMatrix(await loadReportRows(ctx.db, ctx.project.id, input.range, { bucket: 'range', groupBy: ['queryType', 'provider', 'model'] }))),
});
