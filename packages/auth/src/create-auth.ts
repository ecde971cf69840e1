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
    trustedOrigins: [options.baseUrl],
  });
}

export type Auth = ReturnType<typeof createAuth>;
