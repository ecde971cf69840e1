import { describe, expect, it } from 'vitest';
import { decryptSecret, deriveCredentialsKey, encryptSecret } from './secret-box.ts';

describe('secret box', () => {
  const key = deriveCredentialsKey('a server secret of some length');

  it('round-trips, with a fresh IV each time, and never holds the plaintext', () => {
    const a = encryptSecret(key, 'sk-live-123456', 'cred-1');
    const b = encryptSecret(key, 'sk-live-123456', 'cred-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('sk-live');
    expect(decryptSecret(key, a, 'cred-1')).toBe('sk-live-123456');
  });

  it('refuses another key, another row and altered text', () => {
    const sealed = encryptSecret(key, 'sk-live-123456', 'cred-1');
    expect(() => decryptSecret(deriveCredentialsKey('another server secret!!'), sealed, 'cred-1')).toThrow(/could not be decrypted/);
    expect(() => decryptSecret(key, sealed, 'cred-2')).toThrow(/could not be decrypted/);
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(() => decryptSecret(key, parts.join('.'), 'cred-1')).toThrow(/could not be decrypted/);
  });
});
