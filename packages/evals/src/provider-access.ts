import { randomUUID } from 'node:crypto';
import { insertProviderCredential, loadSealedProviderCredential, type Db, type ProviderCredentialSummary } from '@tierlens/db';
import { z } from 'zod';
import type { ProviderAccess } from './call-model.ts';
import { decryptSecret, encryptSecret, type CredentialsKey } from './secret-box.ts';

/** A credential as an admin enters it. The key is write-only: nothing returns it. */
export const ZNewProviderCredential = z
  .object({
    name: z.string().trim().min(1).max(80),
    kind: z.enum(['openai', 'anthropic']),
    /** For `openai`: any OpenAI-compatible API (e.g. `https://api.openai.com/v1`, a gateway, a local server). */
    baseUrl: z.string().trim().url().max(500).regex(/^https?:\/\//, 'an http(s) URL').nullish().transform((v) => v || null),
    apiKey: z.string().trim().min(1).max(500),
  })
  .strict();
export type NewProviderCredential = z.infer<typeof ZNewProviderCredential>;

/** The authenticated data a credential's key is sealed with: the row it belongs to. */
const sealContext = (projectId: string, id: string) => `provider-credential:${projectId}:${id}`;

/** Seals the key and stores the credential; returns it without the key. */
export async function addProviderCredential(
  db: Db,
  key: CredentialsKey,
  input: { projectId: string; createdById: string | null; credential: NewProviderCredential },
): Promise<ProviderCredentialSummary> {
  const c = ZNewProviderCredential.parse(input.credential);
  const id = randomUUID();
  return insertProviderCredential(db, {
    id,
    projectId: input.projectId,
    name: c.name,
    kind: c.kind,
    baseUrl: c.baseUrl,
    keyCiphertext: encryptSecret(key, c.apiKey, sealContext(input.projectId, id)),
    createdById: input.createdById,
  });
}

/** A project's credential, decrypted for the calls about to be made; null when it was removed. */
export async function openProviderCredential(db: Db, key: CredentialsKey, projectId: string, id: string): Promise<ProviderAccess | null> {
  const sealed = await loadSealedProviderCredential(db, projectId, id);
  if (!sealed) return null;
  return { kind: sealed.kind, baseUrl: sealed.baseUrl, apiKey: decryptSecret(key, sealed.keyCiphertext, sealContext(projectId, id)) };
}
