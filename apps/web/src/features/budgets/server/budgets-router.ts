import { z } from 'zod';
import { listBudgets } from '@tierlens/alerts';
import { projectProcedure, router } from '@/trpc/init';
import { ZBudgetInput } from '../lib/budget-input';
import { createBudget } from './create-budget';
import { deleteBudget } from './delete-budget';
import { getSpendWatch } from './get-spend-watch';

export const budgetsRouter = router({
  /** Budgets with their spend and forecast, the month's forecast and recent anomalies, for the Overview. */
  watch: projectProcedure('viewer').query(({ ctx }) => getSpendWatch(ctx.db, ctx.project, new Date())),
  list: projectProcedure('viewer').query(({ ctx }) => listBudgets(ctx.db, { organizationId: ctx.project.organizationId, projectId: ctx.project.id })),
  create: projectProcedure('admin')
    .input(z.object({ budget: ZBudgetInput }))
    .mutation(({ ctx, input }) => createBudget(ctx.db, { organizationId: ctx.project.organizationId, projectId: ctx.project.id, userId: ctx.user.id, budget: input.budget })),
  delete: projectProcedure('admin')
    .input(z.object({ budgetId: z.string().uuid() }))
    .mutation(({ ctx, input }) => deleteBudget(ctx.db, { organizationId: ctx.project.organizationId, projectId: ctx.project.id, budgetId: input.budgetId })),
});
