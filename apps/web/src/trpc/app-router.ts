import { apiKeysRouter } from '@/features/api-keys/server/api-keys-router';
import { overviewRouter } from '@/features/overview/server/overview-router';
import { projectsRouter } from '@/features/projects/server/projects-router';
import { createCallerFactory, router } from './init';

/** The root router only composes the features' routers. */
export const appRouter = router({
  apiKeys: apiKeysRouter,
  overview: overviewRouter,
  projects: projectsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
