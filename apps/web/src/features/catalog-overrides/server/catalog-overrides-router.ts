import { z } from 'zod';
import { organizationProcedure, router } from '@/trpc/init';
import { ZPutCatalogEvidenceInput, ZSetCatalogTierInput } from '../lib/catalog-override-input';
import { listCatalog } from './list-catalog';
import { putCatalogEvidence } from './put-catalog-evidence';
import { resetCatalogOverride } from './reset-catalog-override';
import { setCatalogTier } from './set-catalog-tier';

export const catalogOverridesRouter = router({
  list: organizationProcedure('viewer').query(({ ctx }) => listCatalog(ctx.db, ctx.organization.id)),
  setTier: organizationProcedure('admin')
    .input(ZSetCatalogTierInput)
    .mutation(({ ctx, input }) => setCatalogTier(ctx.db, { ...input, organizationId: ctx.organization.id })),
  putEvidence: organizationProcedure('admin')
    .input(ZPutCatalogEvidenceInput)
    .mutation(({ ctx, input }) => putCatalogEvidence(ctx.db, { ...input, organizationId: ctx.organization.id })),
  reset: organizationProcedure('admin')
    .input(z.object({ modelId: z.string().trim().min(1).max(200) }))
    .mutation(({ ctx, input }) => resetCatalogOverride(ctx.db, { organizationId: ctx.organization.id, modelId: input.modelId })),
});
