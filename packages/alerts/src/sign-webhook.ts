import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the timestamp and signature of a webhook body: `t=<unix seconds>,v1=<hex>`. */
export const WEBHOOK_SIGNATURE_HEADER = 'tierlens-signature';
/** The header carrying the delivery's id, the same on every retry of one delivery. */
export const WEBHOOK_DELIVERY_HEADER = 'tierlens-delivery-id';
/** How old a signed request may be before a receiver should refuse it as a replay. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

/**
 * Signs a webhook body: HMAC-SHA256 over `<timestamp>.<body>` with the channel's secret. The
 * timestamp is inside the signed text, so a receiver that refuses old timestamps refuses a
 * replayed request, and one that remembers delivery ids for the tolerance window refuses a
 * replay within it too.
 */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/** Why a webhook request was refused, or that it is genuine. */
export type WebhookVerification = { ok: true; timestamp: number } | { ok: false; reason: 'missing' | 'malformed' | 'signature' | 'expired' };

/**
 * Checks a received webhook as a receiver would: the signature header must be well formed, the
 * HMAC must match the raw body (compared in constant time), and the timestamp must lie within
 * `toleranceSeconds` of `now`.
 */
export function verifyWebhookSignature(input: {
  secret: string;
  body: string;
  header: string | null | undefined;
  now?: Date;
  toleranceSeconds?: number;
}): WebhookVerification {
  if (!input.header) return { ok: false, reason: 'missing' };
  const parts = Object.fromEntries(input.header.split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  const v1 = parts.v1;
  if (!Number.isSafeInteger(t) || !v1 || !/^[0-9a-f]{64}$/.test(v1)) return { ok: false, reason: 'malformed' };
  const expected = Buffer.from(hmac(input.secret, t, input.body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(v1, 'hex'))) return { ok: false, reason: 'signature' };
  const now = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (input.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) return { ok: false, reason: 'expired' };
  return { ok: true, timestamp: t };
}

function hmac(secret: string, t: number, body: string): string {
  return createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
}
