import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './sign-webhook.ts';

const secret = 'whsec_0123456789abcdef0123456789abcdef';
const body = JSON.stringify({ type: 'budget.threshold', threshold: 80 });
const at = new Date('2026-12-04T12:00:00Z');

describe('webhook signatures', () => {
  it('verify for the body and secret they were made with', () => {
    const header = signWebhook(secret, body, at);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifyWebhookSignature({ secret, body, header, now: at })).toEqual({ ok: true, timestamp: at.getTime() / 1000 });
  });

  it('refuse a changed body, another secret, and a missing or malformed header', () => {
    const header = signWebhook(secret, body, at);
    expect(verifyWebhookSignature({ secret, body: body.replace('80', '50'), header, now: at })).toEqual({ ok: false, reason: 'signature' });
    expect(verifyWebhookSignature({ secret: `${secret}x`, body, header, now: at })).toEqual({ ok: false, reason: 'signature' });
    expect(verifyWebhookSignature({ secret, body, header: undefined, now: at })).toEqual({ ok: false, reason: 'missing' });
    expect(verifyWebhookSignature({ secret, body, header: 't=abc,v1=00', now: at })).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuse a replay once the tolerance has passed, and a timestamp moved to look fresh', () => {
    const header = signWebhook(secret, body, at);
    const later = new Date(at.getTime() + 301_000);
    expect(verifyWebhookSignature({ secret, body, header, now: later })).toEqual({ ok: false, reason: 'expired' });
    const moved = header.replace(/^t=\d+/, `t=${Math.floor(later.getTime() / 1000)}`);
    expect(verifyWebhookSignature({ secret, body, header: moved, now: later })).toEqual({ ok: false, reason: 'signature' });
  });
});
