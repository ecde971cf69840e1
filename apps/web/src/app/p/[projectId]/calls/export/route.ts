import { ZCallFilters } from '@/features/calls/server/list-calls';
import { streamCallsCsv } from '@/features/calls/server/stream-calls-csv';
import { exportResponse } from '@/features/exports/server/export-response';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

/** The project's calls as CSV, streamed: `?from&to` (ISO) and the Calls page's filters (`model`, `queryType`, `feature`, `environment`, `status`, `endUserId`). */
export async function GET(req: Request, { params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const db = getDb();
  return exportResponse(
    db, req, projectId, ZCallFilters,
    (q) => ({
      range: { from: q.get('from'), to: q.get('to') },
      ...Object.fromEntries(['model', 'queryType', 'feature', 'environment', 'status', 'endUserId'].flatMap((k) => (q.get(k) ? [[k, q.get(k)]] : []))),
    }),
    (filters) => streamCallsCsv(db, projectId, filters),
    `tierlens-calls-${new Date().toISOString().slice(0, 10)}.csv`,
  );
}
