import { exportResponse } from '@/features/exports/server/export-response';
import { ZRollupExport, streamRollupsCsv } from '@/features/exports/server/stream-rollups-csv';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

/** Spend and usage summed from the rollups as CSV: `?from&to` (ISO), `bucket` (hour, day, range) and `groupBy` (comma-separated dimensions). */
export async function GET(req: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const db = getDb();
  return exportResponse(
    db, req, projectId, ZRollupExport,
    (q) => ({
      range: { from: q.get('from'), to: q.get('to') },
      ...(q.get('bucket') ? { bucket: q.get('bucket') } : {}),
      ...(q.get('groupBy') !== null ? { groupBy: q.get('groupBy')!.split(',').filter(Boolean) } : {}),
    }),
    (input) => streamRollupsCsv(db, projectId, input),
    `tierlens-spend-${new Date().toISOString().slice(0, 10)}.csv`,
  );
}
