import { ZSpendQuery } from '@/features/read-api/lib/read-api-schemas';
import { handleReadApi } from '@/features/read-api/server/read-api-handler';
import { readSpend } from '@/features/read-api/server/read-spend';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

/** Spend and usage of the key's project by bucket and dimensions (see /api/v1/openapi.json). */
export function GET(req: Request) {
  const db = getDb();
  return handleReadApi(db, req, ZSpendQuery, (key, q) => readSpend(db, key, q));
}
