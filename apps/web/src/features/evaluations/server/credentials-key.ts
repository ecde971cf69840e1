import 'server-only';
import { join } from 'node:path';
import { readCredentialsKey, type CredentialsKey } from '@tierlens/evals';

let cached: CredentialsKey | undefined;

/**
 * The key that seals provider credentials: `TIERLENS_CREDENTIALS_KEY` (npm start passes the one
 * it keeps in the data folder), else the key file in `TIERLENS_DATA_DIR`.
 */
export function credentialsKey(): CredentialsKey {
  cached ??= readCredentialsKey(process.env, join(process.env.TIERLENS_DATA_DIR ?? '.tierlens', 'credentials-key'));
  return cached;
}
