import { apiKeysRouter } from '@/features/api-keys/server/api-keys-router';
import { callsRouter } from '@/features/calls/server/calls-router';
import { modelsRouter } from '@/features/models/server/models-router';
import { queryTypesRouter } from '@/features/query-types/server/query-types-router';
import { overviewRouter } from '@/features/overview/server/overview-router';
import { projectsRouter } from '@/features/projects/server/projects-router';
import { createCallerFactory, router } from './init';

/** The root router only composes the features' routers. */
export const appRouter = router({
  apiKeys: apiKeysRouter,
  calls: callsRouter,
  models: modelsRouter,
  queryTypes: queryTypesRouter,
  overview: overviewRouter,
  projects: projectsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
