import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../client.ts';

const KEY_PREFIX = 'tl_';
/** Characters of the key kept in clear to recognise it in lists. */
const DISPLAY_PREFIX_LENGTH = 11;

/** SHA-256 (hex) of an API key: the only form in which keys are stored. */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new random key: `tl_` + 32 bytes of base64url. */
export function generateApiKeySecret(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

/** What a key may do: `write` sends spans (and reads its project); `read` only reads its project. */
export type ApiKeyScope = 'write' | 'read';

export interface CreatedApiKey {
  id: string;
  projectId: string;
  prefix: string;
  /** The whole key. Shown once; only its hash is stored. */
  secret: string;
}

/** Creates a project API key and returns its secret, which cannot be read back later. */
export async function createApiKey(
  db: Db,
  input: { projectId: string; name?: string; createdById?: string | null; scope?: ApiKeyScope },
): Promise<CreatedApiKey> {
  const secret = generateApiKeySecret();
  const prefix = secret.slice(0, DISPLAY_PREFIX_LENGTH);
  const row = await db.apiKey.create({
    data: {
      projectId: input.projectId,
      name: input.name ?? 'default',
      prefix,
      hash: hashApiKey(secret),
      createdById: input.createdById ?? null,
      scope: input.scope ?? 'write',
    },
    select: { id: true, projectId: true, prefix: true },
  });
  return { ...row, secret };
}

/** Revokes a key of the project; returns false when no such active key exists. */
export async function revokeApiKey(db: Db, input: { projectId: string; apiKeyId: string }): Promise<boolean> {
  const { count } = await db.apiKey.updateMany({
    where: { id: input.apiKeyId, projectId: input.projectId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  return count > 0;
}
