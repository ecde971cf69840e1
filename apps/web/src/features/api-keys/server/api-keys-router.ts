import { z } from 'zod';
import { projectProcedure, router } from '@/trpc/init';
import { createProjectApiKey, listApiKeys, revokeProjectApiKey } from './api-key-services';

export const apiKeysRouter = router({
  list: projectProcedure('admin').query(({ ctx }) => listApiKeys(ctx.db, ctx.project.id)),
  create: projectProcedure('admin')
    .input(z.object({ name: z.string().trim().min(1).max(80).default('default'), scope: z.enum(['write', 'read']).default('write') }))
    .mutation(({ ctx, input }) => createProjectApiKey(ctx.db, ctx.project.id, ctx.user.id, input.name, input.scope)),
  revoke: projectProcedure('admin')
    .input(z.object({ apiKeyId: z.string().uuid() }))
    .mutation(({ ctx, input }) => revokeProjectApiKey(ctx.db, ctx.project.id, input.apiKeyId)),
});
