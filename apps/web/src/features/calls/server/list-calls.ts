import { z } from 'zod';
import type { Db, Prisma } from '@tierlens/db';
import { ZTimeRange } from '@/lib/time-range';

export const ZCallFilters = z.object({
  range: ZTimeRange,
  model: z.string().max(200).optional(),
  queryType: z.string().max(40).optional(),
  feature: z.string().max(200).optional(),
  environment: z.string().max(200).optional(),
  status: z.enum(['ok', 'error']).optional(),
  /** The app's end user (`end_user_id`), matched exactly. */
  endUserId: z.string().max(256).optional(),
});
export type CallFilters = z.infer<typeof ZCallFilters>;

/** Keyset cursor: the last row's start time and span identity (newest first). */
export const ZCallCursor = z.object({ startTime: z.coerce.date(), traceId: z.string(), spanId: z.string() });

const callListSelect = {
  traceId: true, spanId: true, startTime: true, model: true, provider: true, operation: true, status: true, errorType: true,
  queryType: true, queryTypeSource: true, feature: true, environment: true, inputTokens: true, outputTokens: true,
  costUsd: true, durationMs: true, timeToFirstTokenMs: true, usageSource: true,
} satisfies Prisma.LlmCallSelect;

/** A page of a project's calls, newest first, with a cursor for the next page. */
export async function listCalls(db: Db, projectId: string, filters: CallFilters, cursor: z.infer<typeof ZCallCursor> | undefined, limit: number) {
  const where: Prisma.LlmCallWhereInput = {
    projectId,
    startTime: { gte: filters.range.from, lt: filters.range.to },
    ...(filters.model ? { model: filters.model } : {}),
    ...(filters.queryType ? { queryType: filters.queryType } : {}),
    ...(filters.feature ? { feature: filters.feature } : {}),
    ...(filters.environment ? { environment: filters.environment } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.endUserId ? { endUserId: filters.endUserId } : {}),
    ...(cursor
      ? {
          OR: [
            { startTime: { lt: cursor.startTime } },
            { startTime: cursor.startTime, traceId: { lt: cursor.traceId } },
            { startTime: cursor.startTime, traceId: cursor.traceId, spanId: { lt: cursor.spanId } },
          ],
        }
      : {}),
  };
  const rows = await db.llmCall.findMany({
    where,
    select: callListSelect,
    orderBy: [{ startTime: 'desc' }, { traceId: 'desc' }, { spanId: 'desc' }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    calls: page.map((r) => ({
      ...r,
      inputTokens: Number(r.inputTokens),
      outputTokens: Number(r.outputTokens),
      costUsd: r.costUsd === null ? null : r.costUsd.toString(),
    })),
    nextCursor: rows.length > limit && last ? { startTime: last.startTime, traceId: last.traceId, spanId: last.spanId } : null,
  };
}

/** Values to filter by in a range (from the rollups, so it stays fast on big projects). */
export async function getCallFacets(db: Db, projectId: string, range: z.infer<typeof ZTimeRange>) {
  const rows = await db.callRollupHourly.findMany({
    where: { projectId, hour: { gte: range.from, lt: range.to } },
    select: { model: true, queryType: true, feature: true, environment: true },
    distinct: ['model', 'queryType', 'feature', 'environment'],
  });
  const uniq = (xs: string[]) => [...new Set(xs.filter(Boolean))].sort();
  return {
    models: uniq(rows.map((r) => r.model)),
    queryTypes: uniq(rows.map((r) => r.queryType)),
    features: uniq(rows.map((r) => r.feature)),
    environments: uniq(rows.map((r) => r.environment)),
  };
}
