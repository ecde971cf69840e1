import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** Whose subscription an unsubscribe link ends: one user's weekly report of one project. */
export interface UnsubscribeTarget {
  userId: string;
  projectId: string;
}

const ZSecretEnv = z.object({
  TIERLENS_REPORT_SECRET: z.string().min(32, 'TIERLENS_REPORT_SECRET must be at least 32 characters').optional(),
  BETTER_AUTH_SECRET: z.string().min(32, 'BETTER_AUTH_SECRET must be at least 32 characters').optional(),
});

/**
 * The key unsubscribe links are signed with: TIERLENS_REPORT_SECRET, else BETTER_AUTH_SECRET
 * (which `npm start` always sets). Throws when neither is set.
 */
export function readReportSecret(env: NodeJS.ProcessEnv = process.env): string {
  const parsed = ZSecretEnv.parse({ TIERLENS_REPORT_SECRET: env.TIERLENS_REPORT_SECRET || undefined, BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET || undefined });
  const secret = parsed.TIERLENS_REPORT_SECRET ?? parsed.BETTER_AUTH_SECRET;
  if (!secret) throw new Error('Set TIERLENS_REPORT_SECRET or BETTER_AUTH_SECRET to sign unsubscribe links.');
  return secret;
}

function signature(secret: string, target: UnsubscribeTarget): Buffer {
  // A purpose prefix, so that the auth secret signs nothing else that could be replayed here.
  return createHmac('sha256', secret).update(`tierlens/unsubscribe/v1\n${target.userId}\n${target.projectId}`).digest();
}

/** The HMAC-SHA256 signature of a target, base64url. */
export function signUnsubscribe(secret: string, target: UnsubscribeTarget): string {
  return signature(secret, target).toString('base64url');
}

/** Whether `sig` is the signature of the target (constant-time comparison). */
export function verifyUnsubscribe(secret: string, target: UnsubscribeTarget, sig: string): boolean {
  const expected = signature(secret, target);
  const given = Buffer.from(sig, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The signed link of the email footer and `List-Unsubscribe`: `<dashboard>/unsubscribe?u=…&p=…&s=…`. */
export function unsubscribeUrl(dashboardUrl: string, secret: string, target: UnsubscribeTarget): string {
  const url = new URL('/unsubscribe', `${dashboardUrl.replace(/\/+$/, '')}/`);
  url.searchParams.set('u', target.userId);
  url.searchParams.set('p', target.projectId);
  url.searchParams.set('s', signUnsubscribe(secret, target));
  return url.toString();
}

const ZUnsubscribeParams = z.object({
  u: z.string().min(1).max(200),
  p: z.string().uuid(),
  s: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});

/**
 * The target of a link whose signature is valid, or null (missing, malformed or tampered
 * parameters).
 */
export function verifyUnsubscribeLink(secret: string, params: URLSearchParams): UnsubscribeTarget | null {
  const parsed = ZUnsubscribeParams.safeParse({ u: params.get('u'), p: params.get('p'), s: params.get('s') });
  if (!parsed.success) return null;
  const target = { userId: parsed.data.u, projectId: parsed.data.p };
  return verifyUnsubscribe(secret, target, parsed.data.s) ? target : null;
}
