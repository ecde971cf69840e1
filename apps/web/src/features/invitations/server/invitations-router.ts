import { z } from 'zod';
import { ROLES } from '@tierlens/db';
import { sharedMailer } from '@/features/reports/server';
import { publicUrl } from '@/server/public-url';
import { organizationProcedure, protectedProcedure, publicProcedure, router } from '@/trpc/init';
import { acceptInvitation } from './accept-invitation';
import { acceptInvitationWithNewAccount } from './accept-invitation-with-new-account';
import { getInvitationForInvitee } from './get-invitation-for-invitee';
import { inviteByEmail } from './invite-by-email';
import { listInvitations } from './list-invitations';
import { revokeInvitation } from './revoke-invitation';

const ZInvitationId = z.object({ invitationId: z.string().min(1).max(100) });

/** Better Auth's limits with this app's minimum (packages/auth: minPasswordLength 10). */
export const ZNewAccount = z.object({
  name: z.string().trim().min(1, 'Enter your name').max(100),
  password: z.string().min(10, 'At least 10 characters').max(128, 'At most 128 characters'),
});

export const invitationsRouter = router({
  /** Open invitations with their links; admins only, since a link lets its holder join. */
  list: organizationProcedure('admin').query(({ ctx }) => listInvitations(ctx.db, { organizationId: ctx.organization.id, baseUrl: publicUrl() })),
  /** Creates an invitation and emails its link (SMTP, or the outbox without SMTP_URL). */
  create: organizationProcedure('admin')
    .input(z.object({ email: z.string().trim().toLowerCase().pipe(z.email()), role: z.enum(ROLES).default('member') }))
    .mutation(({ ctx, input }) =>
      inviteByEmail(ctx.db, sharedMailer, { organizationId: ctx.organization.id, inviterId: ctx.user.id, actorRole: ctx.role, email: input.email, role: input.role, baseUrl: publicUrl() }),
    ),
  revoke: organizationProcedure('admin')
    .input(ZInvitationId)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, { organizationId: ctx.organization.id, invitationId: input.invitationId })),
  /** The invitation page's data, for whoever holds the link. */
  get: publicProcedure.input(ZInvitationId).query(({ ctx, input }) => getInvitationForInvitee(ctx.db, input.invitationId)),
  accept: protectedProcedure.input(ZInvitationId).mutation(({ ctx, input }) => acceptInvitation(ctx.db, { invitationId: input.invitationId, user: ctx.user })),
  acceptWithNewAccount: publicProcedure
    .input(ZInvitationId.extend(ZNewAccount.shape))
    .mutation(({ ctx, input }) => acceptInvitationWithNewAccount(ctx.db, input)),
});
