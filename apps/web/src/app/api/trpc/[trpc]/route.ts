import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { getSessionUser } from '@/server/auth';
import { getDb } from '@/server/db';
import { appRouter } from '@/trpc/app-router';
import { createInnerContext } from '@/trpc/init';

export const dynamic = 'force-dynamic';

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => createInnerContext({ db: getDb(), user: await getSessionUser(req.headers) }),
  });
}

export { handler as GET, handler as POST };
