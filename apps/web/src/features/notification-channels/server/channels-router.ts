import { z } from 'zod';
import { organizationProcedure, router } from '@/trpc/init';
import { ZChannelInput } from '../lib/channel-input';
import { createChannel, deleteChannel, listChannels, listDeliveries } from './manage-channels';

export const notificationChannelsRouter = router({
  list: organizationProcedure('admin').query(({ ctx }) => listChannels(ctx.db, ctx.organization.id)),
  create: organizationProcedure('admin')
    .input(z.object({ channel: ZChannelInput }))
    .mutation(({ ctx, input }) => createChannel(ctx.db, ctx.organization.id, input.channel)),
  delete: organizationProcedure('admin')
    .input(z.object({ channelId: z.string().uuid() }))
    .mutation(({ ctx, input }) => deleteChannel(ctx.db, ctx.organization.id, input.channelId)),
  deliveries: organizationProcedure('admin').query(({ ctx }) => listDeliveries(ctx.db, ctx.organization.id)),
});
