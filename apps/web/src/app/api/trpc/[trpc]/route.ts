import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { trustedOrigins } from '@tierlens/auth';
import { getSessionUser } from '@/server/auth';
import { checkMutationOrigin } from '@/server/check-mutation-origin';
import { getDb } from '@/server/db';
import { webEnv } from '@/server/env';
import { appRouter } from '@/trpc/app-router';
import { createInnerContext } from '@/trpc/init';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  // Mutations (POST) only from the dashboard's own origins: no cross-site request forgery.
  const env = webEnv();
  const refused = checkMutationOrigin(req, trustedOrigins(env.TIERLENS_PUBLIC_URL, env.TIERLENS_TRUSTED_ORIGINS));
  if (refused) return refused;
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => createInnerContext({ db: getDb(), user: await getSessionUser(req.headers) }),
  });
}

export { handler as GET, handler as POST };
