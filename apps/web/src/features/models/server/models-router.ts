import { buildModelStats } from '@tierlens/analyzer';
import { z } from 'zod';
import { loadRollupRows } from '@tierlens/db';
import { loadOrganizationCatalog } from '@tierlens/db/advice';
import { ZTimeRange } from '@/lib/time-range';
import { projectProcedure, router } from '@/trpc/init';

export const modelsRouter = router({
  /** Spend, calls, tokens, error rate, latency and time to first token per model, with its tier in the organization's catalog. */
  stats: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange }))
    .query(async ({ ctx, input }) => {
      const [rows, catalog] = await Promise.all([
        loadRollupRows(ctx.db, ctx.project.id, input.range, { bucket: 'range', groupBy: ['provider', 'model'] }),
        loadOrganizationCatalog(ctx.db, ctx.project.organizationId),
      ]);
      return buildModelStats(rows, catalog);
    }),
});
