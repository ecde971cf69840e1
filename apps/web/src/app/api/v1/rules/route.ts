import { z } from 'zod';
import { listRules } from '@/features/rules/server';
import { handleReadApi } from '@/features/read-api/server/read-api-handler';
import { getDb } from '@/server/db';

export const dynamic = 'force-dynamic';

/** The key's project's routing rules, newest first. */
export function GET(req: Request) {
  const db = getDb();
  return handleReadApi(db, req, z.strictObject({}), async (key) => ({ projectId: key.projectId, rules: await listRules(db, key.projectId) }));
}
