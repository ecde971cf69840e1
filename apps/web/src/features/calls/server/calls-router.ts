import { z } from 'zod';
import { ZTimeRange } from '@/lib/time-range';
import { projectProcedure, router } from '@/trpc/init';
import { getCall } from './get-call';
import { getTrace } from './get-trace';
import { getCallFacets, listCalls, ZCallCursor, ZCallFilters } from './list-calls';

export const callsRouter = router({
  list: projectProcedure('viewer')
    .input(z.object({ filters: ZCallFilters, cursor: ZCallCursor.optional(), limit: z.number().int().min(1).max(200).default(50) }))
    .query(({ ctx, input }) => listCalls(ctx.db, ctx.project.id, input.filters, input.cursor, input.limit)),
  facets: projectProcedure('viewer')
    .input(z.object({ range: ZTimeRange }))
    .query(({ ctx, input }) => getCallFacets(ctx.db, ctx.project.id, input.range)),
  get: projectProcedure('viewer')
    .input(z.object({ traceId: z.string().regex(/^[0-9a-f]{32}$/), spanId: z.string().regex(/^[0-9a-f]{16}$/), startTime: z.coerce.date() }))
    .query(({ ctx, input }) => getCall(ctx.db, ctx.project.id, input)),
  /** A trace's calls and what the whole trace cost. */
  trace: projectProcedure('viewer')
    .input(z.object({ traceId: z.string().regex(/^[0-9a-f]{32}$/) }))
    .query(({ ctx, input }) => getTrace(ctx.db, ctx.project.id, input.traceId)),
});
