import { buildQueryTypeMatrix } from '@tierlens/analyzer';
import { z } from 'zod';
import { loadRollupRows } from '@tierlens/db';
import { loadOrganizationCatalog } from '@tierlens/db/advice';
import { ZTimeRange } from '@/lib/time-range';
import { projectProcedure, router } from '@/trpc/init';

export const queryTypesRouter = router({
  /** Spend and calls per query type with the models used for each, and each model's tier in the organization's catalog. */
  matrix: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange }))
    .query(async ({ ctx, input }) => {
      const [rows, catalog] = await Promise.all([
        loadRollupRows(ctx.db, ctx.project.id, input.range, { bucket: 'range', groupBy: ['queryType', 'provider', 'model'] }),
        loadOrganizationCatalog(ctx.db, ctx.project.organizationId),
      ]);
      return buildQueryTypeMatrix(rows, catalog);
    }),
});
