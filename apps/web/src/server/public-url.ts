import { z } from 'zod';

const ZPublicUrl = z.string().url().default('http://localhost:3000');

/**
 * The dashboard's public URL (TIERLENS_PUBLIC_URL) without a trailing slash, for links that
 * leave the app (invitations, later report emails). Read on its own so that services and tests
 * need none of the other web settings.
 */
export function publicUrl(): string {
  return ZPublicUrl.parse(process.env.TIERLENS_PUBLIC_URL || undefined).replace(/\/+$/, '');
}
