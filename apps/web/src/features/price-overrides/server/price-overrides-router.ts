import { z } from 'zod';
import { projectProcedure, router } from '@/trpc/init';
import { ZPriceOverrideInput } from '../lib/price-override-input';
import { createPriceOverride } from './create-price-override';
import { deletePriceOverride } from './delete-price-override';
import { describePublicPrice } from './describe-public-price';
import { listPriceOverrides } from './list-price-overrides';

export const priceOverridesRouter = router({
  list: projectProcedure('viewer').query(({ ctx }) => listPriceOverrides(ctx.db, { organizationId: ctx.project.organizationId, projectId: ctx.project.id })),
  /** The public price of a model, shown next to the form while typing. */
  publicPrice: projectProcedure('viewer')
    .input(z.object({ provider: z.string().trim().max(100).nullish(), model: z.string().trim().min(1).max(200) }))
    .query(({ input }) => describePublicPrice(input.provider || null, input.model, new Date())),
  create: projectProcedure('admin')
    .input(z.object({ price: ZPriceOverrideInput }))
    .mutation(({ ctx, input }) => createPriceOverride(ctx.db, { organizationId: ctx.project.organizationId, projectId: ctx.project.id, price: input.price })),
  delete: projectProcedure('admin')
    .input(z.object({ priceOverrideId: z.string().uuid() }))
    .mutation(({ ctx, input }) =>
      deletePriceOverride(ctx.db, { organizationId: ctx.project.organizationId, projectId: ctx.project.id, priceOverrideId: input.priceOverrideId }),
    ),
});
