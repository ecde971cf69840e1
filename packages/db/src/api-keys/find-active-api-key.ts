import { queryRows, type Queryable } from '../query-rows.ts';
import { hashApiKey, type ApiKeyScope } from './api-keys.ts';

/** The project an API key belongs to, and what it may do there. */
export interface ActiveApiKey {
  apiKeyId: string;
  projectId: string;
  organizationId: string;
  scope: ApiKeyScope;
}

/** The active (not revoked) key with this secret and its project, or null. Keys are looked up by their SHA-256 only. */
export async function findActiveApiKey(source: Queryable, secret: string): Promise<ActiveApiKey | null> {
  const rows = await queryRows<{ id: string; project_id: string; organization_id: string; scope: ApiKeyScope }>(
    source,
    `SELECT k.id::text, k.project_id::text, p.organization_id, k.scope FROM api_keys k JOIN projects p ON p.id = k.project_id
     WHERE k.hash = $1 AND k.revoked_at IS NULL`,
    [hashApiKey(secret)],
  );
  const row = rows[0];
  return row ? { apiKeyId: row.id, projectId: row.project_id, organizationId: row.organization_id, scope: row.scope } : null;
}

/** Records that a key was used now. */
export async function touchApiKey(source: Queryable, apiKeyId: string): Promise<void> {
  await queryRows(source, 'UPDATE api_keys SET last_used_at = now() WHERE id = $1::uuid', [apiKeyId]);
}
