import { z } from 'zod';
import { ROLES } from '@tierlens/db';
import { organizationProcedure, router } from '@/trpc/init';
import { changeMemberRole } from './change-member-role';
import { listMembers } from './list-members';
import { removeMember } from './remove-member';

export const ZMemberId = z.object({ memberId: z.string().min(1).max(100) });

export const membersRouter = router({
  list: organizationProcedure('viewer').query(({ ctx }) => listMembers(ctx.db, ctx.organization.id)),
  changeRole: organizationProcedure('admin')
    .input(ZMemberId.extend({ role: z.enum(ROLES) }))
    .mutation(({ ctx, input }) =>
      changeMemberRole(ctx.db, { organizationId: ctx.organization.id, actorRole: ctx.role, memberId: input.memberId, role: input.role }),
    ),
  remove: organizationProcedure('admin')
    .input(ZMemberId)
    .mutation(({ ctx, input }) => removeMember(ctx.db, { organizationId: ctx.organization.id, actorRole: ctx.role, memberId: input.memberId })),
});
