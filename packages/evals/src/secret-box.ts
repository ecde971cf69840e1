import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** A 32-byte AES-256-GCM key for provider credentials, derived from a server secret. */
export type CredentialsKey = Buffer & { readonly __credentialsKey: true };

/**
 * Derives the credentials key from a server secret with HKDF-SHA256, so that the secret itself
 * (which may also be an operator-chosen passphrase) is never used as a cipher key directly.
 */
export function deriveCredentialsKey(secret: string): CredentialsKey {
  if (secret.length < 16) throw new Error('TIERLENS_CREDENTIALS_KEY must be at least 16 characters.');
  return Buffer.from(hkdfSync('sha256', secret, 'tierlens', 'provider-credentials v1', 32)) as CredentialsKey;
}

/**
 * The credentials key from `TIERLENS_CREDENTIALS_KEY`, else from a key file (created with 32
 * random bytes on first use, readable by its owner only), like the auth secret.
 */
export function readCredentialsKey(env: Record<string, string | undefined>, keyFile: string): CredentialsKey {
  const fromEnv = env.TIERLENS_CREDENTIALS_KEY?.trim();
  if (fromEnv) return deriveCredentialsKey(fromEnv);
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  return deriveCredentialsKey(readFileSync(keyFile, 'utf8').trim());
}

/**
 * Encrypts a provider key with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>` in base64url. `context`
 * (the credential's id and project) is authenticated data, so a ciphertext copied to another row
 * does not decrypt.
 */
export function encryptSecret(key: CredentialsKey, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), data].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Decrypts {@link encryptSecret}'s output; throws when the key or context is wrong or the text was altered. */
export function decryptSecret(key: CredentialsKey, sealed: string, context: string): string {
  const [version, iv, tag, data] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new Error('Not an encrypted credential.');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  try {
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new Error('The credential could not be decrypted: TIERLENS_CREDENTIALS_KEY changed or the row was altered.');
  }
}
