import type { Db, Role } from '@tierlens/db';
import { DomainError } from '@/server/domain-error';
import { lockOrganizationAndCountOwners } from './lock-organization';

/**
 * Removes a member from the organization, with their report subscriptions to its projects.
 * Only owners remove owners, and the last owner cannot be removed.
 */
export async function removeMember(db: Db, input: { organizationId: string; actorRole: Role; memberId: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const owners = await lockOrganizationAndCountOwners(tx, input.organizationId);
    const member = await tx.member.findFirst({ where: { id: input.memberId, organizationId: input.organizationId }, select: { id: true, role: true, userId: true } });
    if (!member) throw new DomainError('not_found', 'No such member in this organization.');
    if (member.role === 'owner' && input.actorRole !== 'owner') throw new DomainError('forbidden', 'Only owners can remove an owner.');
    if (member.role === 'owner' && owners <= 1) throw new DomainError('conflict', 'The last owner cannot be removed: make someone else an owner first.');
    await tx.reportSubscription.deleteMany({ where: { userId: member.userId, project: { organizationId: input.organizationId } } });
    await tx.member.delete({ where: { id: member.id } });
  });
}
