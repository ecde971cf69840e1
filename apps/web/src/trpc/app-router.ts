import { apiKeysRouter } from '@/features/api-keys/server/api-keys-router';
import { budgetsRouter } from '@/features/budgets/server/budgets-router';
import { notificationChannelsRouter } from '@/features/notification-channels/server/channels-router';
import { evaluationsRouter } from '@/features/evaluations/server/evaluations-router';
import { callsRouter } from '@/features/calls/server/calls-router';
import { modelsRouter } from '@/features/models/server/models-router';
import { queryTypesRouter } from '@/features/query-types/server/query-types-router';
import { overviewRouter } from '@/features/overview/server/overview-router';
import { projectsRouter } from '@/features/projects/server/projects-router';
import { catalogOverridesRouter } from '@/features/catalog-overrides/server/catalog-overrides-router';
import { invitationsRouter } from '@/features/invitations/server/invitations-router';
import { membersRouter } from '@/features/members/server/members-router';
import { priceOverridesRouter } from '@/features/price-overrides/server/price-overrides-router';
import { reportSubscriptionsRouter } from '@/features/report-subscriptions/server/report-subscriptions-router';
import { reportsRouter } from '@/features/reports/server/reports-router';
import { rulesRouter } from '@/features/rules/server/rules-router';
import { savingsRouter } from '@/features/savings/server/savings-router';
import { createCallerFactory, router } from './init';

/** The root router only composes the features' routers. */
export const appRouter = router({
  rules: rulesRouter,
  savings: savingsRouter,
  evaluations: evaluationsRouter,
  apiKeys: apiKeysRouter,
  budgets: budgetsRouter,
  notificationChannels: notificationChannelsRouter,
  calls: callsRouter,
  models: modelsRouter,
  queryTypes: queryTypesRouter,
  overview: overviewRouter,
  projects: projectsRouter,
  catalogOverrides: catalogOverridesRouter,
  invitations: invitationsRouter,
  members: membersRouter,
  priceOverrides: priceOverridesRouter,
  reportSubscriptions: reportSubscriptionsRouter,
  reports: reportsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
