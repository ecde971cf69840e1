import { z } from 'zod';
import { cancelReplayEvaluation, deleteProviderCredential, listProviderCredentials, listReplayEvaluations } from '@tierlens/db';
import { addProviderCredential, ZNewProviderCredential, ZStartReplayEvaluation } from '@tierlens/evals';
import { projectProcedure, router } from '@/trpc/init';
import { DomainError } from '@/server/domain-error';
import { credentialsKey } from './credentials-key';
import { startEvaluation } from './start-evaluation';

/**
 * Replay evaluations on the project's own traffic, and the provider credentials they call through.
 * Credentials are write-only: no procedure returns a key, sealed or not.
 */
export const evaluationsRouter = router({
  credentials: projectProcedure('viewer').query(({ ctx }) => listProviderCredentials(ctx.db, ctx.project.id)),
  addCredential: projectProcedure('admin')
    .input(z.object({ credential: ZNewProviderCredential }))
    .mutation(({ ctx, input }) => addProviderCredential(ctx.db, credentialsKey(), { projectId: ctx.project.id, createdById: ctx.user.id, credential: input.credential })),
  removeCredential: projectProcedure('admin')
    .input(z.object({ credentialId: z.string().uuid() }))
    .mutation(async ({ ctx, input }) => {
      if (!(await deleteProviderCredential(ctx.db, ctx.project.id, input.credentialId))) throw new DomainError('not_found', 'No such provider credential.');
      return { ok: true as const };
    }),
  list: projectProcedure('viewer').query(({ ctx }) => listReplayEvaluations(ctx.db, ctx.project.id)),
  start: projectProcedure('member')
    .input(z.object({ evaluation: ZStartReplayEvaluation }))
    .mutation(({ ctx, input }) => startEvaluation(ctx.db, ctx.project, input.evaluation, ctx.user.id)),
  cancel: projectProcedure('member')
    .input(z.object({ evaluationId: z.string().uuid() }))
    .mutation(async ({ ctx, input }) => {
      if (!(await cancelReplayEvaluation(ctx.db, ctx.project.id, input.evaluationId))) throw new DomainError('conflict', 'The evaluation has already ended.');
      return { ok: true as const };
    }),
});
