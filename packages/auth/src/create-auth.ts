import { betterAuth } from 'better-auth';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import type { Db } from '@tierlens/db';

export interface AuthOptions {
  /** Public URL of the dashboard, e.g. http://localhost:3000. */
  baseUrl: string;
  /** Secret for signing sessions (BETTER_AUTH_SECRET); at least 32 characters. */
  secret: string;
  /** Let anyone create an account from the sign-in page (off: accounts come from invites and the CLI). */
  allowSignUp?: boolean;
  /** Other origins the dashboard is reached at (TIERLENS_TRUSTED_ORIGINS). */
  extraOrigins?: string[];
}

/**
 * The dashboard's own origin, with localhost and 127.0.0.1 standing for each other (people type
 * either), plus any configured ones: sign-in from any other origin is refused.
 */
export function trustedOrigins(baseUrl: string, extra: string[]): string[] {
  const origin = new URL(baseUrl).origin;
  const alias = origin.includes('//localhost') ? origin.replace('//localhost', '//127.0.0.1') : origin.replace('//127.0.0.1', '//localhost');
  return [...new Set([origin, alias, ...extra.map((o) => new URL(o).origin)])];
}

/**
 * The Better Auth server for the dashboard: email + password sign-in, sessions in Postgres
 * through the Prisma adapter. One instance per process.
 */
export function createAuth(db: Db, options: AuthOptions) {
  return betterAuth({
    appName: 'Tierlens',
    baseURL: options.baseUrl,
    secret: options.secret,
    database: prismaAdapter(db, { provider: 'postgresql' }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      disableSignUp: !options.allowSignUp,
    },
    session: {
      expiresIn: 60 * 60 * 24 * 14,
      updateAge: 60 * 60 * 24,
    },
    telemetry: { enabled: false },
    advanced: {
      ipAddress: {
        // The address behind the sign-in rate limit and a session's IP. The dashboard's server
        // (apps/web/serve) overwrites this header with the one address it believes: the socket's,
        // or, from a proxy in TIERLENS_TRUSTED_PROXIES, the client that proxy names. So no
        // client-sent header reaches here; a multi-address value never does either.
        ipAddressHeaders: ['x-forwarded-for'],
      },
    },
    trustedOrigins: trustedOrigins(options.baseUrl, options.extraOrigins ?? []),
  });
}

export type Auth = ReturnType<typeof createAuth>;
