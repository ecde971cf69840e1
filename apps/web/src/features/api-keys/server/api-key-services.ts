import { createApiKey, revokeApiKey, type ApiKeyScope, type Db } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';

const apiKeyListSelect = { id: true, name: true, prefix: true, scope: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

/** The project's keys, by prefix (secrets are never stored, so never listed). */
export function listApiKeys(db: Db, projectId: string) {
  return db.apiKey.findMany({ where: { projectId }, select: apiKeyListSelect, orderBy: { createdAt: 'desc' } });
}

/** Creates a key; the secret in the result is the only time it is shown. */
export function createProjectApiKey(db: Db, projectId: string, userId: string, name: string, scope: ApiKeyScope = 'write') {
  return createApiKey(db, { projectId, name, createdById: userId, scope });
}

export async function revokeProjectApiKey(db: Db, projectId: string, apiKeyId: string): Promise<void> {
  if (!(await revokeApiKey(db, { projectId, apiKeyId }))) throw new DomainError('not_found', 'No such active key in this project.');
}
