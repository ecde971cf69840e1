import { projectProcedure, router } from '@/trpc/init';
import { ZReportSubscriptionInput } from '../lib/report-subscription-input';
import { getMyReportSubscription } from './get-my-report-subscription';
import { updateMyReportSubscription } from './update-my-report-subscription';

/** Each member manages only their own subscription, whatever their role. */
export const reportSubscriptionsRouter = router({
  mine: projectProcedure('viewer').query(({ ctx }) => getMyReportSubscription(ctx.db, { userId: ctx.user.id, projectId: ctx.project.id })),
  update: projectProcedure('viewer')
    .input(ZReportSubscriptionInput)
    .mutation(({ ctx, input }) => updateMyReportSubscription(ctx.db, { userId: ctx.user.id, projectId: ctx.project.id, settings: input })),
});
