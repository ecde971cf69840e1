import type { Db } from '../client.ts';

/** A provider credential as lists show it: never the key, not even encrypted. */
export interface ProviderCredentialSummary {
  id: string;
  name: string;
  kind: 'openai' | 'anthropic';
  baseUrl: string | null;
  createdAt: Date;
}

/** A credential with its sealed key, for the process that decrypts it to make calls. */
export interface SealedProviderCredential extends ProviderCredentialSummary {
  projectId: string;
  keyCiphertext: string;
}

const summarySelect = { id: true, name: true, kind: true, baseUrl: true, createdAt: true } as const;
const toKind = (kind: string): 'openai' | 'anthropic' => (kind === 'anthropic' ? 'anthropic' : 'openai');

/**
 * Stores a credential whose key the caller already sealed (`keyCiphertext`); `id` is chosen by
 * the caller because the ciphertext is bound to it.
 */
export async function insertProviderCredential(
  db: Db,
  input: { id: string; projectId: string; name: string; kind: 'openai' | 'anthropic'; baseUrl: string | null; keyCiphertext: string; createdById: string | null },
): Promise<ProviderCredentialSummary> {
  const row = await db.providerCredential.create({ data: input, select: summarySelect });
  return { ...row, kind: toKind(row.kind) };
}

/** A project's credentials, oldest first, without their keys. */
export async function listProviderCredentials(db: Db, projectId: string): Promise<ProviderCredentialSummary[]> {
  const rows = await db.providerCredential.findMany({ where: { projectId }, select: summarySelect, orderBy: { createdAt: 'asc' } });
  return rows.map((r) => ({ ...r, kind: toKind(r.kind) }));
}

/** Deletes one of a project's credentials; false when the project has no such credential. */
export async function deleteProviderCredential(db: Db, projectId: string, id: string): Promise<boolean> {
  const { count } = await db.providerCredential.deleteMany({ where: { id, projectId } });
  return count === 1;
}

/** One of a project's credentials with its sealed key, or null. */
export async function loadSealedProviderCredential(db: Db, projectId: string, id: string): Promise<SealedProviderCredential | null> {
  const row = await db.providerCredential.findFirst({ where: { id, projectId }, select: { ...summarySelect, projectId: true, keyCiphertext: true } });
  return row ? { ...row, kind: toKind(row.kind) } : null;
}
