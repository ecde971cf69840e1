import { projectProcedure, router } from '@/trpc/init';
import { getReportPreview } from './get-report-preview';
import { listReportOutbox } from './list-report-outbox';
import { reportsRuntime } from './reports-runtime';
import { sendReportNow } from './send-report-now';

/** The weekly email report: its preview, sending it to yourself, and the outbox of written emails. */
export const reportsRouter = router({
  preview: projectProcedure('viewer').query(({ ctx }) => getReportPreview(ctx.db, reportsRuntime(), { userId: ctx.user.id, projectId: ctx.project.id, now: new Date() })),
  sendNow: projectProcedure('viewer').mutation(({ ctx }) =>
    sendReportNow(ctx.db, reportsRuntime(), { userId: ctx.user.id, email: ctx.user.email, projectId: ctx.project.id, now: new Date() }),
  ),
  outbox: projectProcedure('viewer').query(({ ctx }) => listReportOutbox(reportsRuntime(), ctx.project.id)),
});
