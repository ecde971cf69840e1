import 'server-only';
import { createAuth, type Auth } from '@tierlens/auth';
import { getDb } from './db';
import { webEnv } from './env';

let auth: Auth | undefined;

/** The Better Auth instance of this process. */
export function getAuth(): Auth {
  if (!auth) {
    const env = webEnv();
    auth = createAuth(getDb(), { baseUrl: env.TIERLENS_PUBLIC_URL, secret: env.BETTER_AUTH_SECRET, allowSignUp: env.TIERLENS_ALLOW_SIGNUP, extraOrigins: env.TIERLENS_TRUSTED_ORIGINS });
  }
  return auth;
}

/** The signed-in user of a request, or null. */
export async function getSessionUser(headers: Headers): Promise<{ id: string; email: string; name: string } | null> {
  const session = await getAuth().api.getSession({ headers });
  return session ? { id: session.user.id, email: session.user.email, name: session.user.name } : null;
}
