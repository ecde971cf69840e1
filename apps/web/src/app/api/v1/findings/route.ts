import { getFindings } from '@/features/savings/server';
import { ZFindingsQuery } from '@/features/read-api/lib/read-api-schemas';
import { handleReadApi } from '@/features/read-api/server/read-api-handler';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

/** The analyzer's findings for the key's project (default range: the last 30 days). */
export function GET(req: Request) {
  const db = getDb();
  return handleReadApi(db, req, ZFindingsQuery, (key, q) => {
    const to = q.to ?? new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000);
    return getFindings(db, { id: key.projectId, organizationId: key.organizationId }, { from: q.from ?? new Date(to.getTime() - 30 * 86_400_000), to });
  });
}
