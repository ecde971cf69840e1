import { findActiveApiKey, type ActiveApiKey, type Db } from '@tierlens/db';

/** Reads `Authorization: Bearer <key>` (or `x-api-key`) and finds the key's project; null when missing, unknown or revoked. */
export async function authenticateKey(db: Db, headers: Headers): Promise<ActiveApiKey | null> {
  const auth = headers.get('authorization');
  const secret = auth?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? headers.get('x-api-key');
  if (!secret) return null;
  return findActiveApiKey(db, secret);
}
