import { buildModelStats, modelLifecycle } from '@tierlens/analyzer';
import { z } from 'zod';
import { loadRollupRows } from '@tierlens/db';
import { loadOrganizationCatalog } from '@tierlens/db/advice';
import { ZTimeRange } from '@/lib/time-range';
import { projectProcedure, router } from '@/trpc/init';

export const modelsRouter = router({
  /** Spend, calls, tokens, error rate, latency and time to first token per model, with its tier in the organization's catalog and its maker's retirement date. */
  stats: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange }))
    .query(async ({ ctx, input }) => {
      const [rows, catalog] = await Promise.all([
        loadRollupRows(ctx.db, ctx.project.id, input.range, { bucket: 'range', groupBy: ['provider', 'model'] }),
        loadOrganizationCatalog(ctx.db, ctx.project.organizationId),
      ]);
      const now = new Date();
      // Calls to models past their maker's deprecation notice are flagged with the date requests start failing.
      return buildModelStats(rows, catalog).map((m) => {
        const life = modelLifecycle(m.provider, m.model, now);
        return {
          ...m,
          lifecycle: life.status === 'active'
            ? { status: 'active' as const }
            : { status: life.status, retires: life.retires, daysLeft: life.daysLeft, replacement: life.retirement.replacement, sourceUrl: life.retirement.source.url },
        };
      });
    }),
});
