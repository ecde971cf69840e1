import { randomUUID } from 'node:crypto';
import type { Prisma, Role } from '@tierlens/db';
import { toRole } from '@/lib/roles';
import { createOwnerSubscriptions } from '@/features/report-subscriptions/server';
import { DomainError } from '@/server/domain-error';
import { invitationStatus, invitationUnusableReason } from '../lib/invitation-status';

export interface ClaimedInvitation {
  organizationId: string;
  role: Role;
  /** The organization's first project, where the new member lands. */
  projectId: string | null;
}

/**
 * Uses up a pending invitation for `user` (whose email must be the invited one) and makes them
 * a member with the invited role. The status change is conditional, so of two concurrent
 * accepts exactly one succeeds; run it in a transaction so a failure keeps the invitation.
 */
export async function claimInvitation(
  tx: Prisma.TransactionClient,
  input: { invitationId: string; user: { id: string; email: string }; now: Date },
): Promise<ClaimedInvitation> {
  const invitation = await tx.invitation.findUnique({
    where: { id: input.invitationId },
    select: { id: true, organizationId: true, email: true, role: true, status: true, expiresAt: true },
  });
  if (!invitation) throw new DomainError('not_found', 'No such invitation.');
  const status = invitationStatus(invitation, input.now);
  if (status !== 'pending') throw new DomainError('conflict', invitationUnusableReason(status));
  if (invitation.email.toLowerCase() !== input.user.email.toLowerCase()) {
    throw new DomainError('forbidden', `This invitation is for ${invitation.email}; sign in with that address to accept it.`);
  }
  const { count } = await tx.invitation.updateMany({
    where: { id: invitation.id, status: 'pending', expiresAt: { gt: input.now } },
    data: { status: 'accepted' },
  });
  if (count === 0) throw new DomainError('conflict', invitationUnusableReason('accepted'));
  const already = await tx.member.findFirst({ where: { organizationId: invitation.organizationId, userId: input.user.id }, select: { id: true } });
  if (already) throw new DomainError('conflict', 'You are already a member of this organization.');
  const role = toRole(invitation.role ?? 'member');
  await tx.member.create({ data: { id: randomUUID(), organizationId: invitation.organizationId, userId: input.user.id, role }, select: { id: true } });
  if (role === 'owner') await createOwnerSubscriptions(tx, { organizationId: invitation.organizationId, userId: input.user.id });
  const project = await tx.project.findFirst({ where: { organizationId: invitation.organizationId }, orderBy: { createdAt: 'asc' }, select: { id: true } });
  return { organizationId: invitation.organizationId, role, projectId: project?.id ?? null };
}
