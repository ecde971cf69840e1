import { describe, expect, it } from 'vitest';
import { readReportSecret, unsubscribeUrl, verifyUnsubscribeLink } from './unsubscribe-link.ts';

const secret = 'x'.repeat(40);
const target = { userId: 'user-1', projectId: '6f1c1d7e-3c1b-4c55-9a39-0a4f1c7d2e10' };

describe('unsubscribe links', () => {
  it('verify when untouched', () => {
    const url = new URL(unsubscribeUrl('https://tierlens.example.com/', secret, target));
    expect(url.origin + url.pathname).toBe('https://tierlens.example.com/unsubscribe');
    expect(verifyUnsubscribeLink(secret, url.searchParams)).toEqual(target);
  });

  it('fail when any part is changed, or with another key', () => {
    const url = new URL(unsubscribeUrl('https://tierlens.example.com', secret, target));
    const other = new URLSearchParams(url.searchParams);
    other.set('u', 'user-2');
    expect(verifyUnsubscribeLink(secret, other)).toBeNull();
    const sig = new URLSearchParams(url.searchParams);
    const s = sig.get('s')!;
    sig.set('s', (s[0] === 'A' ? 'B' : 'A') + s.slice(1));
    expect(verifyUnsubscribeLink(secret, sig)).toBeNull();
    expect(verifyUnsubscribeLink('y'.repeat(40), url.searchParams)).toBeNull();
    expect(verifyUnsubscribeLink(secret, new URLSearchParams({ u: 'user-1', p: target.projectId }))).toBeNull();
  });

  it('reads the key from TIERLENS_REPORT_SECRET, else BETTER_AUTH_SECRET', () => {
    expect(readReportSecret({ TIERLENS_REPORT_SECRET: 'r'.repeat(32), BETTER_AUTH_SECRET: 'b'.repeat(32) })).toBe('r'.repeat(32));
    expect(readReportSecret({ BETTER_AUTH_SECRET: 'b'.repeat(32) })).toBe('b'.repeat(32));
    expect(() => readReportSecret({})).toThrow(/TIERLENS_REPORT_SECRET/);
    expect(() => readReportSecret({ TIERLENS_REPORT_SECRET: 'short' })).toThrow(/32/);
  });
});
